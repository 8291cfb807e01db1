/**
 * The local platform, for the host and the tests: identity comes from the host's signed dev token
 * (already verified into `context.openid`), codes are QR images of h5 URLs, text is checked
 * against a word list, and subscription messages are recorded once each in `platform_messages`
 * (the staff's delivery log shows them). Timer events come only from the host's scheduler or a
 * test, which say so in the context (`{ timer: true }`); an HTTP call can never set that.
 */
import QRCode from 'qrcode'
import type { Db } from './db'
import { timerName, type Platform, type TextVerdict } from './platform'

/** A short list standing in for WeChat's content security check. */
const riskyWords = ['赌博', '博彩', '色情', '毒品', '枪支', '办证', '代开发票']
const reviewWords = ['加微信', '私聊', '返利', '兼职刷单']

export function judgeText(text: string): TextVerdict {
  if (riskyWords.some((word) => text.includes(word))) return 'risky'
  if (reviewWords.some((word) => text.includes(word))) return 'review'
  return 'pass'
}

/** Who calls on a host: the openid the host resolved from the request (dev token or session); timers only from its scheduler. */
export const hostIdentity: Pick<Platform, 'callerOpenid' | 'timerOf'> = {
  callerOpenid: (context) => {
    const openid = (context as { openid?: unknown } | undefined)?.openid
    return typeof openid === 'string' && openid ? openid : undefined
  },
  timerOf: (event, context) => ((context as { timer?: unknown } | undefined)?.timer === true ? timerName(event) : undefined),
}

export function localPlatform(db: Db, publicUrl: string): Platform {
  return {
    name: 'local',
    ...hostIdentity,
    siteCode: async (scene, page) => {
      const target = `${publicUrl}/${page}?scene=${encodeURIComponent(scene)}`
      const image = await QRCode.toDataURL(target, { errorCorrectionLevel: 'M', margin: 2, width: 480 })
      return { image, target }
    },
    checkText: async (text) => judgeText(text),
    sendSubscribe: async ({ toOpenid, templateId, page, data, dedupeKey }) => {
      await db.query(
        `INSERT INTO platform_messages (dedupe_key, to_openid, template_id, page, data) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [dedupeKey, toOpenid, templateId, page, JSON.stringify(data)],
      )
    },
  }
}
