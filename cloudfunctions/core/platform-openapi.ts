/**
 * The self-hosted platform: the host in production calls WeChat's HTTPS OpenAPI itself
 * (security.msgSecCheck v2, subscribeMessage.send, getUnlimitedQRCode) with the access token all
 * host processes share (wechat.ts). Who is calling comes from the host's sessions, and private
 * files are the host's own, as on the local platform.
 */
import type { Db } from './db'
import { fail } from './errors'
import { PlatformError, type Platform } from './platform'
import { hostIdentity } from './platform-local'
import { jsonOf, sharedToken, wechatRequest, WechatError, withToken, type WechatApp } from './wechat'

/** subscribeMessage.send answers that retrying cannot mend: bad openid (40003), template (40037), refused (43101), data (47003). */
const PERMANENT = new Set([40003, 40037, 43101, 47003])

/** Where a message opens: the mini-program's release version unless WECHAT_MINIPROGRAM_STATE says trial or developer. */
export type MiniprogramState = 'formal' | 'trial' | 'developer'

/** Private files stay the host's own (its uploads folder and signed links): `files` serves them. */
export function openapiPlatform(db: Db, app: WechatApp, now: () => Date, files: Pick<Platform, 'fileLink' | 'readFile'>, state: MiniprogramState = 'formal'): Platform {
  const tokens = sharedToken(db, app, now)
  const post = (path: string, body: unknown) => withToken(tokens, (token) => wechatRequest(app, path, { access_token: token }, body))
  return {
    name: 'openapi',
    ...hostIdentity,
    fileLink: files.fileLink,
    readFile: files.readFile,
    siteCode: async (scene, page) => {
      const answer = await post('/wxa/getwxacodeunlimit', { scene, page, check_path: false, env_version: state === 'formal' ? 'release' : state === 'trial' ? 'trial' : 'develop', width: 480 })
      if (!('binary' in answer)) throw new WechatError('bad_answer', '/wxa/getwxacodeunlimit: no image')
      return { image: `data:${answer.contentType};base64,${answer.binary.toString('base64')}`, target: page }
    },
    checkText: async (content, openid) => {
      let json: Record<string, unknown>
      try {
        json = jsonOf(await post('/wxa/msg_sec_check', { content, version: 2, scene: 2, openid }))
      } catch (error) {
        if (error instanceof WechatError) return fail('wechat_unavailable', '内容安全检查暂时无法完成，请稍后再试')
        throw error
      }
      const suggest = (json.result as { suggest?: unknown } | undefined)?.suggest
      return suggest === 'pass' ? 'pass' : suggest === 'review' ? 'review' : 'risky'
    },
    sendSubscribe: async (message) => {
      try {
        await post('/cgi-bin/message/subscribe/send', {
          touser: message.toOpenid,
          template_id: message.templateId,
          page: message.page,
          data: message.data,
          miniprogram_state: state,
          lang: 'zh_CN',
        })
      } catch (error) {
        if (!(error instanceof WechatError)) throw error
        throw new PlatformError(`subscribeMessage.send: ${error.errcode}`, typeof error.errcode === 'number' && PERMANENT.has(error.errcode))
      }
    },
  }
}
