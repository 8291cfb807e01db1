export default definePageConfig({ navigationBarTitleText: '单位考核详情', enablePullDownRefresh: true })
