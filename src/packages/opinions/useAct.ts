/** One action of a page at a time: busy while it runs, a toast when it is done, its refusal shown in Chinese, then a refresh. */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Person } from '@/domain/person'
import { asFailure } from '@/hooks/latest'
import { useSession } from '@/stores/session'

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

/** The signed-in person as the permission rules see them, loaded when a page is opened directly (nobody yet while loading). */
export function usePerson(): Person {
  const me = useSession((s) => s.me)
  const loadMe = useSession((s) => s.loadMe)
  useEffect(() => {
    if (!me) loadMe().catch(() => undefined)
  }, [me, loadMe])
  return me ? { userId: me.userId, grants: me.roles } : { userId: 0, grants: [] }
}

/** Taro's View props omit tabIndex; h5 passes it on, so a keyboard reaches (and scrolls) a page with no button in view. */
export const focusable: object = { tabIndex: 0 }
