export default definePageConfig({ navigationBarTitleText: '签到名单', enablePullDownRefresh: true })
