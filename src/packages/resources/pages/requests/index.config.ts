export default definePageConfig({ navigationBarTitleText: '预约审核', enablePullDownRefresh: true })
