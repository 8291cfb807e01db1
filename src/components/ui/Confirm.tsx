/**
 * Asking before what cannot be undone: `const [confirm, confirmDialog] = useConfirm()`, render
 * `{confirmDialog}` in the page, and `if (!(await confirm({ title, content }))) return` before the
 * call. The dialog is drawn by the page itself (not Taro.showModal), so it looks and reads the same
 * on weapp and h5, scales with elder mode and is an `alertdialog` named by its title and described
 * by what will happen; on h5 it takes the focus and Escape cancels. Cancelling resolves false and
 * nothing else happens; 确定 closes the dialog first, so one tap acts once.
 */
import { View } from '@tarojs/components'
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Button } from './Button'

export interface ConfirmOptions {
  /** The question, e.g. 撤回这条通知？ */
  title: string
  /** What will happen, in full: who is affected and that it cannot be undone. */
  content: string
  /** The confirming button's text (确定 unless given). */
  confirmText?: string
  cancelText?: string
}

type Ask = (options: ConfirmOptions) => Promise<boolean>

/** Taro's View props omit tabIndex; h5 passes it on, so the dialog can hold the focus. */
const focusable: object = { tabIndex: -1 }

export function useConfirm(): [Ask, ReactNode] {
  const [asking, setAsking] = useState<ConfirmOptions | null>(null)
  const resolver = useRef<((yes: boolean) => void) | null>(null)
  const id = `ui-confirm-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const answer = useCallback((yes: boolean) => {
    const resolve = resolver.current
    resolver.current = null
    setAsking(null)
    resolve?.(yes)
  }, [])
  const ask = useCallback<Ask>((options) => {
    resolver.current?.(false)
    setAsking(options)
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve
    })
  }, [])
  useEffect(() => () => resolver.current?.(false), [])
  useEffect(() => {
    if (!asking || process.env.TARO_ENV !== 'h5') return
    const before = document.activeElement as HTMLElement | null
    document.getElementById(id)?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') answer(false)
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      before?.focus?.()
    }
  }, [asking, id, answer])
  const dialog = asking && (
    <View className='ui-confirm-mask'>
      <View className='ui-confirm' id={id} role='alertdialog' aria-modal='true' aria-labelledby={`${id}-title`} aria-describedby={`${id}-content`} {...focusable}>
        <View className='ui-confirm-title' id={`${id}-title`}>{asking.title}</View>
        <View className='ui-confirm-content' id={`${id}-content`}>{asking.content}</View>
        <View className='ui-confirm-buttons'>
          <Button kind='plain' onClick={() => answer(false)}>{asking.cancelText ?? '取消'}</Button>
          <Button onClick={() => answer(true)}>{asking.confirmText ?? '确定'}</Button>
        </View>
      </View>
    </View>
  )
  return [ask, dialog]
}
