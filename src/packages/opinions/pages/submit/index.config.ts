export default definePageConfig({ navigationBarTitleText: '我有建议' })
