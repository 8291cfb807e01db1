/**
 * Text rules without a schema library, so screens can check a field as the function will: the
 * clean-text rule and length limits, counted in characters as a person sees them. `text.ts` builds
 * the schemas from these.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function isCleanText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value)
}

export const TEXT_REFUSED = '内容含有无法识别的字符，请删除后重试'

export interface TextLimits {
  min?: number
  max: number
}

/** The characters of a text as a person counts them (trimmed; an emoji is one). */
export const charCount = (value: string) => [...value.trim()].length

export const tooShort = (label: string, min: number) => (min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
export const tooLong = (label: string, max: number) => `${label}最多 ${max} 个字`

/** What is wrong with a text field's length, in the words the server uses, or undefined: the form checks a field as the function will. */
export function lengthProblem(label: string, value: string, { min = 0, max }: TextLimits): string | undefined {
  const count = charCount(value)
  if (count < min) return tooShort(label, min)
  if (count > max) return tooLong(label, max)
  return isCleanText(value) ? undefined : TEXT_REFUSED
}

