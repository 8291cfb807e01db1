export default definePageConfig({ navigationBarTitleText: '月月说事', enablePullDownRefresh: true })
