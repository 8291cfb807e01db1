export default definePageConfig({ navigationBarTitleText: '联盟单位考核排名', enablePullDownRefresh: true })
