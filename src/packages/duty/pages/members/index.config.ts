export default definePageConfig({ navigationBarTitleText: '委员履职积分', enablePullDownRefresh: true })
