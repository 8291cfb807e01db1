/** The privacy notice WeChat requires before the first use of location. */
import { Button as TaroButton, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/ui'
import { RAW_LOCATION_DAYS } from '@/domain/geo'
import { AGREE_BUTTON_ID, usePrivacy } from '@/stores/privacy'
import './privacy.css'

export default function PrivacyPopup() {
  const pending = usePrivacy((s) => s.pending)
  const answer = usePrivacy((s) => s.answer)
  if (!pending) return null
  return (
    <View className='privacy-mask' role='dialog' aria-label='隐私保护提示'>
      <View className='privacy-sheet'>
        <View className='title'>隐私保护提示</View>
        <View>签到时我们会获取您的位置，仅用于核验您是否在联盟点附近；原始位置保存 {RAW_LOCATION_DAYS} 天后删除，只保留核验结果和距离。您可以拒绝，仍可签到（记为未核验位置）。</View>
        <View className='privacy-link' role='link' onClick={() => Taro.openPrivacyContract()}>《协商联盟小程序隐私保护指引》</View>
        {/* WeChat takes consent only from a native button with this open type. */}
        <TaroButton id={AGREE_BUTTON_ID} className='ui-button ui-button-primary' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answer(true)}>
          同意
        </TaroButton>
        <Button kind='plain' onClick={() => answer(false)}>拒绝</Button>
      </View>
    </View>
  )
}
