export default definePageConfig({ navigationBarTitleText: '联盟工作月通报', enablePullDownRefresh: true })
