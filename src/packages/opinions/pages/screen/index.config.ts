export default definePageConfig({ navigationBarTitleText: '建议审核', enablePullDownRefresh: true })
