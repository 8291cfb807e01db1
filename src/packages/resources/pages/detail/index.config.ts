export default definePageConfig({ navigationBarTitleText: '资源预约', enablePullDownRefresh: true })
