/**
 * A place on the phone's map: in WeChat the built-in map (`Taro.openLocation`, GCJ-02 as the
 * mini-program's location APIs use); on h5 a link to 高德地图's marker page in a new tab.
 */
import Taro from '@tarojs/taro'

export interface Place {
  lat: number
  lng: number
  name: string
  address: string
}

/** The h5 link for a place (also what the page shows as its address link). */
export const mapLink = (p: Place) =>
  `https://uri.amap.com/marker?position=${p.lng},${p.lat}&name=${encodeURIComponent(p.name)}&src=xieshang&coordinate=gaode&callnative=1`

export function openMap(p: Place): void {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.openLocation({ latitude: p.lat, longitude: p.lng, name: p.name, address: p.address, scale: 17 })
    return
  }
  window.open(mapLink(p), '_blank', 'noopener')
}
