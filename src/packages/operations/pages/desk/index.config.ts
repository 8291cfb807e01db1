export default definePageConfig({ navigationBarTitleText: '代为签到' })
