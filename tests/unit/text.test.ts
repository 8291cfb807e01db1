/** The one text rule: no NUL or control characters, no lone surrogates; lengths in characters. */
import * as v from 'valibot'
import { isCleanText, text } from '../../src/domain/text'

describe('clean text', () => {
  it('refuses NUL, control characters and lone surrogates, and keeps emoji, tabs and line breaks', () => {
    expect(isCleanText('小区停车难\n请关注\t谢谢')).toBe(true)
    expect(isCleanText('加装电梯👍')).toBe(true)
    for (const bad of ['a\u0000b', 'a\u0007', '\u001b[31m', 'x\u007f', 'a\ud800', '\udc00b', 'a\ud800b', '\ud83d\ud83d']) {
      expect(isCleanText(bad)).toBe(false)
    }
  })

  it('trims and counts characters as a person sees them, with Chinese messages', () => {
    const title = text('标题', { min: 2, max: 5 })
    expect(v.parse(title, '  停车难  ')).toBe('停车难')
    expect(v.safeParse(title, '👍👍👍👍👍').success).toBe(true)
    expect(v.safeParse(title, '一二三四五六').issues?.[0].message).toBe('标题最多 5 个字')
    expect(v.safeParse(title, '   ').issues?.[0].message).toBe('标题至少 2 个字')
    expect(v.safeParse(title, '停\u0000车').issues?.[0].message).toBe('内容含有无法识别的字符，请删除后重试')
    expect(v.safeParse(title, 42).issues?.[0].message).toBe('标题必须是文字')
  })
})
