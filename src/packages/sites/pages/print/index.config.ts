export default definePageConfig({ navigationBarTitleText: '打印签到码' })
