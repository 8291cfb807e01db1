/**
 * A form's draft kept in Taro storage (localStorage on h5, the mini-program's storage on weapp)
 * under `draft:<key>`, so a person who goes back and returns finds what they typed. `key` null
 * keeps nothing (e.g. while editing a topic the server already holds). `clear` once it is sent.
 */
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'

export function useDraft<T extends object>(key: string | null, empty: T): [T, (patch: Partial<T>) => void, () => void] {
  const [draft, setDraft] = useState(empty)
  const [restored, setRestored] = useState<string | null>(null)
  // Restored while rendering, before anything shows the key's form: Taro's h5 input throws when its value
  // changes before it has finished mounting, which an effect right after the first paint could do.
  if (key && restored !== key) {
    const saved: unknown = Taro.getStorageSync(`draft:${key}`)
    setRestored(key)
    if (saved && typeof saved === 'object') setDraft((now) => ({ ...now, ...saved }))
  }
  const update = useCallback((patch: Partial<T>) => {
    setDraft((now) => {
      const next = { ...now, ...patch }
      if (key) Taro.setStorageSync(`draft:${key}`, next)
      return next
    })
  }, [key])
  const clear = useCallback(() => {
    if (key) Taro.removeStorageSync(`draft:${key}`)
  }, [key])
  return [draft, update, clear]
}
