/** The one masking rule for public text, over every common writing of a phone, an ID number and a known name. */
import fc from 'fast-check'
import { maskName, maskPublic, privateParts } from '../../src/domain/mask'

const FULL = '０１２３４５６７８９'
const digit = fc.integer({ min: 0, max: 9 })
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((ds) => ds.join(''))
const toFull = (text: string) => text.replace(/[0-9]/g, (d) => FULL[Number(d)])
/** A mobile number: 1, then 3–9, then nine digits. */
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`)
/** The ways people write one: plain, dashes, spaces, +86, 86, full-width digits, ideographic spaces. */
const writing = fc.constantFrom(
  (n: string) => n,
  (n: string) => `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
  (n: string) => `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
  (n: string) => `+86 ${n}`,
  (n: string) => `+86-${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
  (n: string) => `86${n}`,
  (n: string) => toFull(n),
  (n: string) => toFull(`${n.slice(0, 3)}\u3000${n.slice(3, 7)}\u3000${n.slice(7)}`),
)
/** Chinese text around it, never digits (a digit beside the number makes it another number). */
const words = fc.array(fc.constantFrom(...'请联系我电话号码是小区停车难谢谢，。：！ 、'), { maxLength: 12 }).map((cs) => cs.join(''))

describe('phone numbers in public text', () => {
  it('masks a mobile number in every writing to its first three and last four digits', () => {
    fc.assert(
      fc.property(mobile, writing, words, words, (number, write, before, after) => {
        const shown = maskPublic(`${before}${write(number)}${after}`)
        expect(shown).toContain(`${number.slice(0, 3)}****${number.slice(7)}`)
        expect(shown.replace(/[^0-9０-９]/g, '').replace(/[０-９]/g, (c) => String(FULL.indexOf(c)))).not.toContain(number.slice(3, 7) + number.slice(7))
        expect(shown.startsWith(before)).toBe(true)
        expect(shown.endsWith(after)).toBe(true)
      }),
    )
  })

  it('masks landlines and keeps other numbers (dates, house numbers, counts)', () => {
    expect(maskPublic('联系 13812345678 或 0534-2345678')).toBe('联系 138****5678 或 0534-****678')
    expect(maskPublic('2026年12月3日，3号楼2单元，共128户')).toBe('2026年12月3日，3号楼2单元，共128户')
    expect(maskPublic('订单号 123456789012')).toBe('订单号 123456789012')
  })
})

describe('ID numbers in public text', () => {
  it('masks an 18-digit ID number (X last too, full-width too) to its first and last four', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), digits(16), fc.constantFrom('0', '7', 'X', 'x'), fc.boolean(), words, (first, middle, last, full, before) => {
        const id = `${first}${middle}${last}`
        const shown = maskPublic(`${before}身份证${full ? toFull(id) : id}`)
        expect(shown).toBe(`${before}身份证${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`)
      }),
    )
  })
})

describe('known names in public text', () => {
  const names = ['王英', '李建国', '阿依古丽·买买提', '微信用户', 'Tom']
  it('masks every known person name, longest first, and leaves words that are no one', () => {
    expect(maskPublic('李建国和王英已上门核实', names)).toBe('李*国和王*已上门核实')
    expect(maskPublic('阿依古丽·买买提反映', names)).toBe('阿******提反映')
    expect(maskPublic('微信用户 Tom 反映', names)).toBe('微信用户 Tom 反映')
  })

  it('masks any name anywhere in any text, and the rest of the text is kept', () => {
    const han = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), { minLength: 2, maxLength: 4 }).map((cs) => cs.join(''))
    fc.assert(
      fc.property(han, words, words, (name, before, after) => {
        const shown = maskPublic(`${before}${name}${after}`, [name])
        expect(shown).toBe(`${before}${maskName(name)}${after}`)
        expect(shown).not.toContain(name)
      }),
    )
  })

  it('tells a form what it would mask, for the warning before sending', () => {
    expect(privateParts('请王英回电 138-1234-5678', names)).toEqual({ numbers: true, names: ['王英'] })
    expect(privateParts('路灯已修复', names)).toEqual({ numbers: false, names: [] })
  })
})
