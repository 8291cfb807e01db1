export default definePageConfig({ navigationBarTitleText: '节假日与办理时限' })
