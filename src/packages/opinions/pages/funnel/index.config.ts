export default definePageConfig({ navigationBarTitleText: '社情民意成果', enablePullDownRefresh: true })
