/**
 * One field of a form: its label above, the control, and under it the hint or, once shown, the
 * field's problem (in the function's own words, so the form refuses what the server would). A field
 * with a length limit counts the characters (12/30); at the limit it says that no more fit, where
 * the control's `maxlength` refuses them, so nothing is cut silently.
 */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface FieldProps {
  label: string
  hint?: string
  /** The field's problem, shown in place of the hint. */
  error?: string
  /** The text typed and the most allowed, for the counter. */
  count?: { value: string; max: number }
  children: ReactNode
}

export function Field({ label, hint, error, count, children }: FieldProps) {
  const typed = count ? [...count.value].length : 0
  const full = !!count && typed >= count.max
  const note = error ?? (full ? `已达 ${count.max} 字上限，不能再输入` : hint)
  return (
    <View className={`ui-form-row${error ? ' ui-form-row-error' : ''}`}>
      <View className='ui-form-label'>{label}</View>
      <View className='ui-form-control'>{children}</View>
      {(note || count) && (
        <View className='ui-form-foot' aria-live='polite'>
          <View className={error ? 'ui-form-error' : 'ui-form-hint'}>{note}</View>
          {count && (
            <View className={`ui-form-count${full ? ' ui-form-count-full' : ''}`} aria-label={`已输入 ${typed} 字，最多 ${count.max} 字`}>
              {typed}/{count.max}
            </View>
          )}
        </View>
      )}
    </View>
  )
}

/** The problems of a form in field order, for the submit button's reason (empty: ready to send). */
export function problemsOf(problems: Record<string, string | undefined>): string[] {
  return Object.values(problems).filter((p): p is string => !!p)
}

/** Why a form cannot be sent yet, said on its submit button: the first problems, and how many more. */
export function whyNotReady(problems: string[]): string | undefined {
  if (!problems.length) return undefined
  const more = problems.length > 2 ? `等 ${problems.length} 处` : ''
  return `还不能提交：${problems.slice(0, 2).join('；')}${more}`
}
