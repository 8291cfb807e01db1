/** Names on public pages: the first and last character kept (王*英, 李*), never more. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return '匿名群众'
  if (chars.length === 1) return `${chars[0]}*`
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
