export default definePageConfig({ navigationBarTitleText: '送达记录', enablePullDownRefresh: true })
