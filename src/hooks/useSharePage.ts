/** The share card of a page that can be opened again by its path (site, topic, activity pages). */
import { useShareAppMessage } from '@tarojs/taro'

/** The page's config must also set `enableShareAppMessage: true`. */
export function useSharePage(title: string | undefined, path: string): void {
  useShareAppMessage(() => ({ title: title ?? '协商联盟', path }))
}
