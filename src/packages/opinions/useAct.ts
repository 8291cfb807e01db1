/** One action of a page at a time: busy while it runs, a toast when it is done, its refusal shown in Chinese, then a refresh. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { asFailure } from '@/hooks/latest'

export function useAct(refresh: () => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError('')
    try {
      await run()
      Taro.showToast({ title: done, icon: 'success' })
      refresh()
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, act }
}

/** A picker's choice read from its change event. */
export const picked = <T,>(list: readonly T[]) => (e: { detail: { value: string | number } }) => list[Number(e.detail.value)]
