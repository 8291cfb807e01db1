import { parseScene, SCENE_MAX_LENGTH, siteScene } from '../../src/domain/scene'

describe('scene codes', () => {
  it('round-trips a site id through the scene WeChat hands back URL-encoded', () => {
    const scene = siteScene('F01')
    expect(scene).toBe('s=F01')
    expect(parseScene(encodeURIComponent(scene))).toEqual({ ok: true, siteId: 'F01' })
    expect(parseScene(scene)).toEqual({ ok: true, siteId: 'F01' })
  })

  it('keeps every demo-style site id within the 32-character scene limit', () => {
    expect(siteScene('A'.repeat(24)).length).toBeLessThanOrEqual(SCENE_MAX_LENGTH)
    expect(() => siteScene('bad id!')).toThrow()
  })

  it('accepts extra fields after the site', () => {
    expect(parseScene('s=W02&v=1')).toEqual({ ok: true, siteId: 'W02' })
  })

  it.each([
    ['', '二维码内容为空'],
    [undefined, '二维码内容为空'],
    ['%E0%A4%A', '二维码内容无法识别'],
    [`s=${'A'.repeat(31)}`, '二维码内容过长'],
    ['s=F01<script>', '二维码内容含有无效字符'],
    ['a=1', '不是联盟点的二维码'],
    ['s=', '不是联盟点的二维码'],
  ])('refuses %p with a Chinese reason', (raw, reason) => {
    expect(parseScene(raw)).toEqual({ ok: false, reason })
  })
})
