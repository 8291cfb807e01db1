/**
 * The kit's button. Taro's h5 button styles any `disabled` or `loading` attribute, even "false",
 * as disabled (white text), so they are passed only when true. A tap on a button is the button's
 * alone: it does not reach a tappable row around it (投票 in a topic's row casts the vote and
 * stays; it does not also open the topic), disabled or not. A disabled button can say why
 * (`why`, shown above it and describing it); it is then only `aria-disabled` (Taro's h5 button
 * swallows taps while `disabled`), and a tap calls `onBlocked`, e.g. to show every problem of the form.
 */
import { Button as TaroButton, View } from '@tarojs/components'
import { useId, type ReactNode } from 'react'

export interface ButtonProps {
  kind?: 'primary' | 'plain'
  disabled?: boolean
  loading?: boolean
  /** The accessible name when the visible text is not enough. */
  label?: string
  onClick?: () => void
  /** Why it is disabled, in words (shown only while disabled). */
  why?: string
  onBlocked?: () => void
  children: ReactNode
}

export function Button({ kind = 'primary', disabled, loading, label, onClick, why, onBlocked, children }: ButtonProps) {
  const whyId = `ui-why-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const reason = disabled ? why : undefined
  const button = (
    <TaroButton
      className={`ui-button ui-button-${kind}${reason ? ' ui-button-blocked' : ''}`}
      {...(disabled && !reason ? { disabled: true } : {})}
      {...(reason ? { 'aria-disabled': 'true' } : {})}
      {...(loading ? { loading: true } : {})}
      aria-label={label}
      aria-describedby={reason ? whyId : undefined}
      onClick={(e) => {
        e.stopPropagation()
        if (disabled) onBlocked?.()
        else if (!loading) onClick?.()
      }}
    >
      {children}
    </TaroButton>
  )
  if (!reason) return button
  return (
    <View className='ui-button-with-why'>
      <View className='ui-button-why' id={whyId}>{why}</View>
      {button}
    </View>
  )
}
