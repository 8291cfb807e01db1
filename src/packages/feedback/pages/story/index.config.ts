export default definePageConfig({ navigationBarTitleText: '办理情况', enablePullDownRefresh: true, enableShareAppMessage: true })
