/**
 * Scene codes: the `scene` of a WeChat unlimited code (at most 32 visible characters), also used as
 * the `scene` query parameter of the h5 scan page. A site's scene is `s=<site id>`.
 */
export const SCENE_MAX_LENGTH = 32
const SITE_ID = /^[A-Za-z0-9_-]{1,24}$/
const SCENE_CHARS = /^[A-Za-z0-9!#$&'()*+,/:;=?@._~-]+$/

export type SceneResult = { ok: true; siteId: string } | { ok: false; reason: string }

export function siteScene(siteId: string): string {
  if (!SITE_ID.test(siteId)) throw new Error(`site id not fit for a scene: ${siteId}`)
  return `s=${siteId}`
}

/** Reads a raw scene as WeChat hands it over (URL-encoded) or as typed into a URL. */
export function parseScene(raw: unknown): SceneResult {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: '二维码内容为空' }
  let scene: string
  try {
    scene = decodeURIComponent(raw)
  } catch {
    return { ok: false, reason: '二维码内容无法识别' }
  }
  if (scene.length > SCENE_MAX_LENGTH) return { ok: false, reason: '二维码内容过长' }
  if (!SCENE_CHARS.test(scene)) return { ok: false, reason: '二维码内容含有无效字符' }
  const fields = new Map(scene.split('&').map((pair) => {
    const at = pair.indexOf('=')
    return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]
  }))
  const siteId = fields.get('s')
  if (!siteId || !SITE_ID.test(siteId)) return { ok: false, reason: '不是联盟点的二维码' }
  return { ok: true, siteId }
}

/** The scene inside what WeChat's scanner read: a page path or URL with `scene=`, or the scene itself. */
export function sceneOf(read: { path?: string; result?: string }): string {
  const text = read.path || read.result || ''
  const match = /[?&]scene=([^&#]+)/.exec(text)
  return match ? match[1] : text
}
