export default definePageConfig({ navigationBarTitleText: '记录协商议事' })
