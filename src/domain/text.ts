/**
 * The one rule for text that people send: no NUL or other control characters (tabs and line breaks
 * excepted) and no lone UTF-16 surrogates, which PostgreSQL refuses or silently turns into U+FFFD.
 * Every schema's text goes through `text()`; the router applies `isCleanText` to every string too.
 */
import * as v from 'valibot'

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function isCleanText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value)
}

export const TEXT_REFUSED = '内容含有无法识别的字符，请删除后重试'

/** A trimmed text field with a length range, counted in characters as a person sees them. */
export function text(label: string, { min = 0, max }: { min?: number; max: number }) {
  return v.pipe(
    v.string(`${label}必须是文字`),
    v.check(isCleanText, TEXT_REFUSED),
    v.trim(),
    v.check((value) => [...value].length >= min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    v.check((value) => [...value].length <= max, `${label}最多 ${max} 个字`),
  )
}
