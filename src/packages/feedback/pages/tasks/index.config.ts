export default definePageConfig({ navigationBarTitleText: '交办事项', enablePullDownRefresh: true })
