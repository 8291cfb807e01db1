/** The phone's position for a check-in, or undefined when the person declines or it cannot be had. */
import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '../domain/gcj02'
import type { Fix } from '../domain/geo'

/** Browsers report WGS-84 only (Taro's h5 getLocation refuses gcj02); sites are in GCJ-02. */
const BROWSER = process.env.TARO_ENV === 'h5'

export async function currentFix(): Promise<Fix | undefined> {
  try {
    const at = await Taro.getLocation({ type: BROWSER ? 'wgs84' : 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
    const { lat, lng } = BROWSER ? wgs84ToGcj02(at.latitude, at.longitude) : { lat: at.latitude, lng: at.longitude }
    return { lat, lng, accuracy: at.accuracy ?? at.horizontalAccuracy ?? 9999 }
  } catch {
    return undefined
  }
}
