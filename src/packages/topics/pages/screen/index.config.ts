export default definePageConfig({ navigationBarTitleText: '议题审核', enablePullDownRefresh: true })
