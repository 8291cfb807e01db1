export default definePageConfig({ navigationBarTitleText: '协商联盟·联盟阵地', enablePullDownRefresh: true })
