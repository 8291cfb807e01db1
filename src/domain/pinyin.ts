/**
 * People's names in the order a Chinese reader looks them up: by pinyin (张 after 王, not by code
 * point). Where the engine lacks the pinyin collation it falls back to its default Chinese order.
 */
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin')

export const byPinyin = <T>(items: readonly T[], nameOf: (item: T) => string): T[] => [...items].sort((a, b) => collator.compare(nameOf(a), nameOf(b)))
