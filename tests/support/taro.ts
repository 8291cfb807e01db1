/**
 * A stand-in for @tarojs/taro in the kit's jsdom tests: page hooks register handlers that a test
 * fires as WeChat would (`firePageEvent('reachBottom')`), and the APIs record their calls.
 */
import { useEffect, useRef } from 'react'

type PageEvent = 'pullDownRefresh' | 'reachBottom' | 'didShow'
const handlers: Record<PageEvent, Set<() => unknown>> = { pullDownRefresh: new Set(), reachBottom: new Set(), didShow: new Set() }
export const calls: { api: string; arg?: unknown }[] = []

function pageHook(event: PageEvent) {
  return (fn: () => unknown) => {
    const ref = useRef(fn)
    ref.current = fn
    useEffect(() => {
      const handler = () => ref.current()
      handlers[event].add(handler)
      return () => void handlers[event].delete(handler)
    }, [])
  }
}

export function firePageEvent(event: PageEvent): void {
  for (const handler of handlers[event]) handler()
}

export const usePullDownRefresh = pageHook('pullDownRefresh')
export const useReachBottom = pageHook('reachBottom')
export const useDidShow = pageHook('didShow')
export const useLoad = () => undefined
export const useShareAppMessage = () => undefined

const record = (api: string) => (arg?: unknown) => {
  calls.push({ api, arg })
  return Promise.resolve()
}

export default {
  setNavigationBarTitle: record('setNavigationBarTitle'),
  stopPullDownRefresh: record('stopPullDownRefresh'),
  navigateTo: record('navigateTo'),
  navigateBack: record('navigateBack'),
  switchTab: record('switchTab'),
  showToast: record('showToast'),
  getStorageSync: () => '',
  setStorageSync: () => undefined,
  getCurrentPages: () => [],
}
