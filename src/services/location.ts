/** The phone's position for a check-in, or undefined when the person declines or it cannot be had. */
import Taro from '@tarojs/taro'
import type { Fix } from '../domain/geo'

export async function currentFix(): Promise<Fix | undefined> {
  try {
    const at = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
    return { lat: at.latitude, lng: at.longitude, accuracy: at.accuracy ?? at.horizontalAccuracy ?? 9999 }
  } catch {
    return undefined
  }
}
