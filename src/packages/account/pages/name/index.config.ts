export default definePageConfig({ navigationBarTitleText: '显示名称' })
