export default definePageConfig({ navigationBarTitleText: '协商活动', enablePullDownRefresh: true })
