export default definePageConfig({ navigationBarTitleText: '数据申请' })
