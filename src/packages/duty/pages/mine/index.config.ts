export default definePageConfig({ navigationBarTitleText: '我的履职', enablePullDownRefresh: true })
