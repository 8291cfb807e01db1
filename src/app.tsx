import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { listenForPrivacyRequests } from './stores/privacy'
import './app.css'

/**
 * Taro's h5 tab bar items are `<a href="javascript:;">` with their own click handler: following the
 * link would run a javascript: URL, which the host's CSP refuses (a violation on every tap). The
 * link is never followed; the item's handler still switches the tab.
 */
function stopJavascriptLinks() {
  document.addEventListener('click', (e) => {
    const link = e.composedPath().find((el) => el instanceof HTMLAnchorElement && el.href.startsWith('javascript:'))
    if (link) e.preventDefault()
  }, true)
}

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') listenForPrivacyRequests()
    if (process.env.TARO_ENV === 'h5') stopJavascriptLinks()
  })
  return children
}
