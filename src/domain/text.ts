/**
 * The one rule for text that people send: no NUL or other control characters (tabs and line breaks
 * excepted) and no lone UTF-16 surrogates, which PostgreSQL refuses or silently turns into U+FFFD.
 * Every schema's text goes through `text()`; the router applies `isCleanText` to every string too.
 */
import * as v from 'valibot'
import { isCleanText, TEXT_REFUSED, tooLong, tooShort, type TextLimits } from './limits'

export { isCleanText, TEXT_REFUSED } from './limits'

/** A trimmed text field with a length range, counted in characters as a person sees them. */
export function text(label: string, { min = 0, max }: TextLimits) {
  return v.pipe(
    v.string(`${label}必须是文字`),
    v.check(isCleanText, TEXT_REFUSED),
    v.trim(),
    v.check((value) => [...value].length >= min, tooShort(label, min)),
    v.check((value) => [...value].length <= max, tooLong(label, max)),
  )
}
