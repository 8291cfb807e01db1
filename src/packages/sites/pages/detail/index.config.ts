export default definePageConfig({ navigationBarTitleText: '联盟点' })
