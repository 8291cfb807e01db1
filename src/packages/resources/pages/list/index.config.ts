export default definePageConfig({ navigationBarTitleText: '联盟资源', enablePullDownRefresh: true })
