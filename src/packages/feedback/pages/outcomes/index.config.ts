export default definePageConfig({ navigationBarTitleText: '办理结果公示', enablePullDownRefresh: true, enableShareAppMessage: true })
