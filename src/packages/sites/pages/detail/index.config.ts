export default definePageConfig({ navigationBarTitleText: '联盟点', enableShareAppMessage: true })
