export default definePageConfig({ navigationBarTitleText: '日历订阅' })
