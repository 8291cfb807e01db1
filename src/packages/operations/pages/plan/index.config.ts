export default definePageConfig({ navigationBarTitleText: '年度联动计划' })
