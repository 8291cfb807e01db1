/** The privacy notice WeChat requires before the first use of location. */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AGREE_BUTTON_ID, usePrivacy } from '../stores/privacy'

export default function PrivacyPopup() {
  const pending = usePrivacy((s) => s.pending)
  const answer = usePrivacy((s) => s.answer)
  if (!pending) return null
  return (
    <View className='privacy-mask' aria-role='dialog' aria-label='隐私保护提示'>
      <View className='privacy-sheet'>
        <View className='title'>隐私保护提示</View>
        <View>签到时我们会获取您的位置，仅用于核验您是否在联盟点附近。您可以拒绝，仍可签到（记为未核验位置）。</View>
        <Text className='link' onClick={() => Taro.openPrivacyContract()}>《协商联盟小程序隐私保护指引》</Text>
        <Button id={AGREE_BUTTON_ID} className='btn' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answer(true)}>
          同意
        </Button>
        <Button className='btn-plain' onClick={() => answer(false)}>拒绝</Button>
      </View>
    </View>
  )
}
