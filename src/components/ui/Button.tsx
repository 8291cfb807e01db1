/**
 * The kit's button. Taro's h5 button styles any `disabled` or `loading` attribute, even "false",
 * as disabled (white text), so they are passed only when true. A tap on a button is the button's
 * alone: it does not reach a tappable row around it (投票 in a topic's row casts the vote and
 * stays; it does not also open the topic), disabled or not.
 */
import { Button as TaroButton } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface ButtonProps {
  kind?: 'primary' | 'plain'
  disabled?: boolean
  loading?: boolean
  /** The accessible name when the visible text is not enough. */
  label?: string
  onClick?: () => void
  children: ReactNode
}

export function Button({ kind = 'primary', disabled, loading, label, onClick, children }: ButtonProps) {
  return (
    <TaroButton
      className={`ui-button ui-button-${kind}`}
      {...(disabled ? { disabled: true } : {})}
      {...(loading ? { loading: true } : {})}
      aria-label={label}
      onClick={(e) => {
        e.stopPropagation()
        if (!disabled && !loading) onClick?.()
      }}
    >
      {children}
    </TaroButton>
  )
}
