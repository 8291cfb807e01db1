export default definePageConfig({ navigationBarTitleText: '转为活动' })
