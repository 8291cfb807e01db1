export default definePageConfig({ navigationBarTitleText: '绑定签到卡' })
