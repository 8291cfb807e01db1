/**
 * A site's check-in poster: whose code it is, the code, and what to do with it in plain words.
 * The code page shows one; the print page every site's, one to a printed sheet.
 */
import { Image, View } from '@tarojs/components'
import './poster.css'

/** Taro's View props omit tabIndex; h5 passes it on, so a keyboard can move through (and scroll) a page of posters. */
const focusable: object = { tabIndex: 0 }

export function SitePoster({ name, image }: { name: string; image: string }) {
  return (
    <View className='site-poster' role='group' aria-label={`${name}签到海报`} {...focusable}>
      <View className='site-poster-org'>区政协协商民主实践中心联盟</View>
      <View className='site-poster-name'>{name}</View>
      <Image className='site-poster-code' src={image} mode='widthFix' showMenuByLongpress
        ariaLabel={`${name}签到二维码`} nativeProps={{ alt: `${name}签到二维码` }} />
      <View className='site-poster-caption'>微信扫一扫，到场签到</View>
      <View className='site-poster-hint'>打开微信“扫一扫”对准二维码，按提示签到；每人每天签到一次，签到记录在小程序“我的”页查看。</View>
    </View>
  )
}

/** Prints the page (h5): the browser's print dialog; the print styles keep only the posters. */
export const canPrint = process.env.TARO_ENV === 'h5'
export function printPage() {
  if (canPrint) window.print()
}
