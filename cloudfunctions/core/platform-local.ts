/**
 * The local platform, for the host and the tests: identity comes from the host's signed dev token
 * (already verified into `context.openid`), codes are QR images of h5 URLs, text is checked
 * against a word list, and subscription messages are recorded once each in `platform_messages`
 * (the staff's delivery log shows them). Files are the host's uploads (`uploadsDir`, private ones
 * in its `private/`), linked for a while by signed links (core/file-links.ts). Timer events come only from the host's scheduler or a
 * test, which say so in the context (`{ timer: true }`); an HTTP call can never set that.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import QRCode from 'qrcode'
import type { Db } from './db'
import { LOCAL_FILE, signFileLink } from './file-links'
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

/** Where the host keeps a local file: its private folder first. */
export function localFilePath(uploadsDir: string, name: string): string | undefined {
  return [join(uploadsDir, 'private', name), join(uploadsDir, name)].find((path) => existsSync(path))
}

export function localPlatform(db: Db, publicUrl: string, uploadsDir?: string): Platform {
  const pathOf = (fileId: string) => {
    const name = LOCAL_FILE.exec(fileId)?.[1]
    return name && uploadsDir ? localFilePath(uploadsDir, name) : undefined
  }
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
    fileLink: async (fileId, expiresAt) => {
      const name = LOCAL_FILE.exec(fileId)?.[1]
      if (!name) throw new Error(`not a local file: ${fileId}`)
      return signFileLink(name, expiresAt)
    },
    readFile: async (fileId) => {
      const path = pathOf(fileId)
      return path ? readFileSync(path) : undefined
    },
  }
}
