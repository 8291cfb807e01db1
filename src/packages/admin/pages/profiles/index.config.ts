export default definePageConfig({ navigationBarTitleText: '发放绑定码', enablePullDownRefresh: true })
