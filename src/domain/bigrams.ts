/**
 * Chinese-aware similarity of short texts: the set of overlapping character pairs (bigrams) of the
 * text's letters and digits, compared by Jaccard (shared / all). Works the same on both databases,
 * with no extension (pg_trgm skips CJK characters under the C locale).
 */
export function bigrams(text: string): string[] {
  const chars = [...text.toLowerCase()].filter((ch) => /[\p{L}\p{N}]/u.test(ch))
  if (chars.length === 1) return chars
  const grams = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1])
  return [...grams]
}

export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const set = new Set(a)
  const shared = b.filter((gram) => set.has(gram)).length
  return shared / (a.length + b.length - shared)
}
