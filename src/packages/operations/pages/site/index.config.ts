export default definePageConfig({ navigationBarTitleText: '阵地档案' })
