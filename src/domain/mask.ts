/**
 * The one masking rule for text that reaches a public reader (PIPL): phone numbers in every common
 * writing (13812345678, 138-1234-5678, 138 1234 5678, +86 138…, full-width digits) become
 * 138****5678, landlines 0571-****1234, 18-digit ID numbers 1101**********1234, and the names of
 * people the system knows 王*英. Whoever wrote the text; the stored text is never changed.
 */

/** Names on public pages: the first and last character kept (王*英, 李*), never more. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return '匿名群众'
  if (chars.length <= 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

const D = '[0-9０-９]'
const SEP = '[ \\u3000\\-－]?'
const NOT_DIGIT_BEFORE = `(?<!${D})`
const NOT_DIGIT_AFTER = `(?!${D})`
const MOBILE = new RegExp(
  `${NOT_DIGIT_BEFORE}((?:[+＋]?(?:86|８６)${SEP})?)([1１][3-9３-９]${D})${SEP}${D}{4}${SEP}(${D}{4})${NOT_DIGIT_AFTER}`,
  'g',
)
const LANDLINE = new RegExp(`${NOT_DIGIT_BEFORE}([0０]${D}{2,3}${SEP})${D}{4}${SEP}(${D}{3,4})${NOT_DIGIT_AFTER}`, 'g')
const ID_NUMBER = new RegExp(`${NOT_DIGIT_BEFORE}([1-9１-９]${D}{3})${D}{10}(${D}{3}[0-9０-９XxＸｘ])${NOT_DIGIT_AFTER}`, 'g')

/** Full-width digits and letters to their ASCII form (the masked part is shown in ASCII). */
const ascii = (text: string) => text.replace(/[０-９Ｘｘ＋－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** Phone and ID numbers masked; the rest of the text untouched. */
export function maskNumbers(text: string): string {
  return text
    .replace(ID_NUMBER, (_, head: string, tail: string) => `${ascii(head)}${'*'.repeat(10)}${ascii(tail)}`)
    .replace(MOBILE, (_, prefix: string, head: string, tail: string) => `${ascii(prefix)}${ascii(head)}****${ascii(tail)}`)
    .replace(LANDLINE, (_, area: string, tail: string) => `${ascii(area)}****${ascii(tail)}`)
}

/** A person's name as the system knows it: 2–4 Chinese characters, or a compound name with ·. */
const PERSON_NAME = /^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,}·[\u4e00-\u9fff]{2,})$/
/** Shown names that are no one's name. */
const NOT_NAMES = new Set(['微信用户', '匿名群众', '群众', '居民', '区政协', '委员'])

export const isPersonName = (name: string) => PERSON_NAME.test(name) && !NOT_NAMES.has(name)

const patterns = new WeakMap<readonly string[], RegExp | null>()
function namePattern(names: readonly string[]): RegExp | null {
  if (patterns.has(names)) return patterns.get(names) ?? null
  const usable = [...new Set(names.filter(isPersonName))].sort((a, b) => b.length - a.length)
  const pattern = usable.length ? new RegExp(usable.join('|'), 'g') : null
  patterns.set(names, pattern)
  return pattern
}

/** The one rule: numbers masked, then every known name (longest first). */
export function maskPublic(text: string, names: readonly string[] = []): string {
  const pattern = namePattern(names)
  const numbersMasked = maskNumbers(text)
  return pattern ? numbersMasked.replace(pattern, maskName) : numbersMasked
}

/** What a public text would have masked: for the form's warning before it is sent. */
export interface PrivateParts {
  numbers: boolean
  names: string[]
}

/** A text as the public will read it, and what was masked in it (account.maskPreview). */
export interface PublicPreview extends PrivateParts {
  masked: string
}

export function privateParts(text: string, names: readonly string[] = []): PrivateParts {
  const pattern = namePattern(names)
  return {
    numbers: maskNumbers(text) !== text,
    names: pattern ? [...new Set(text.match(pattern) ?? [])] : [],
  }
}
