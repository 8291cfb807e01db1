export default definePageConfig({ navigationBarTitleText: '专报详情' })
