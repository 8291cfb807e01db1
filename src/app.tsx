import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { listenForPrivacyRequests } from './stores/privacy'
import './app.css'

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') listenForPrivacyRequests()
  })
  return children
}
