/**
 * The local platform, for the host and the tests: identity comes from the host's signed dev token
 * (already verified into `context.openid`), codes are QR images of h5 URLs, text is checked
 * against a word list, and subscription messages land in the `outbox` table.
 */
import QRCode from 'qrcode'
import type { Db } from './db'
import type { Platform, TextVerdict } from './platform'

/** A short list standing in for WeChat's content security check. */
const riskyWords = ['赌博', '博彩', '色情', '毒品', '枪支', '办证', '代开发票']
const reviewWords = ['加微信', '私聊', '返利', '兼职刷单']

export function judgeText(text: string): TextVerdict {
  if (riskyWords.some((word) => text.includes(word))) return 'risky'
  if (reviewWords.some((word) => text.includes(word))) return 'review'
  return 'pass'
}

export function localPlatform(db: Db, publicUrl: string): Platform {
  return {
    name: 'local',
    callerOpenid: (context) => {
      const openid = (context as { openid?: unknown } | undefined)?.openid
      return typeof openid === 'string' && openid ? openid : undefined
    },
    siteCode: async (scene, page) => {
      const target = `${publicUrl}/${page}?scene=${encodeURIComponent(scene)}`
      const image = await QRCode.toDataURL(target, { errorCorrectionLevel: 'M', margin: 2, width: 480 })
      return { image, target }
    },
    checkText: async (text) => judgeText(text),
    sendSubscribe: async (message) => {
      await db.query('INSERT INTO outbox (kind, to_openid, payload) VALUES ($1, $2, $3)', [
        'subscribe',
        message.toOpenid,
        JSON.stringify(message),
      ])
    },
  }
}
