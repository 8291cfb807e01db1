/** Names on public pages: the first and last character kept (王*英, 李*), never more. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return '匿名群众'
  if (chars.length === 1) return `${chars[0]}*`
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

const PHONE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3}-?)\d{4}(\d{3,4})(?!\d)/g
/** Phone numbers typed into public text are masked (138****5678), whoever typed them. */
export const maskPhones = (text: string) => text.replace(PHONE, '$1****$2').replace(LANDLINE, '$1****$2')
