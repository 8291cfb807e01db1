export default definePageConfig({ navigationBarTitleText: '高效匹配' })
