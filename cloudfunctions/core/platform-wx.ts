/**
 * The deployed platform: wx-server-sdk inside a WeChat cloud function. The SDK is required lazily
 * so that bundles load locally (the build reads their metadata) without it installed.
 */
import { PlatformError, timerName, type Platform } from './platform'

type Cloud = {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  getWXContext(): { OPENID?: string }
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: { tempFileURL: string; status: number }[] }>
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>
  openapi: {
    wxacode: { getUnlimited(options: object): Promise<{ buffer: Buffer; contentType?: string }> }
    security: { msgSecCheck(options: object): Promise<{ result?: { suggest?: string } }> }
    subscribeMessage: { send(options: object): Promise<unknown> }
  }
}

/** subscribeMessage.send errors that retrying cannot mend: refused (43101), bad openid, template or data. */
const PERMANENT = new Set([40003, 40037, 43101, 47003])

let cloud: Cloud | undefined
function sdk(): Cloud {
  if (!cloud) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when deployed, where WeChat installs it
    cloud = require('wx-server-sdk') as Cloud
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  }
  return cloud
}

export function wxPlatform(): Platform {
  return {
    name: 'wx',
    callerOpenid: () => sdk().getWXContext().OPENID || undefined,
    // A person's call always carries an OPENID; the timer trigger's never does.
    timerOf: (event) => (sdk().getWXContext().OPENID ? undefined : timerName(event)),
    siteCode: async (scene, page) => {
      const result = await sdk().openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 480 })
      return { image: `data:${result.contentType ?? 'image/png'};base64,${result.buffer.toString('base64')}`, target: page }
    },
    checkText: async (content, openid) => {
      const result = await sdk().openapi.security.msgSecCheck({ content, openid, scene: 2, version: 2 })
      const suggest = result.result?.suggest
      return suggest === 'pass' ? 'pass' : suggest === 'review' ? 'review' : 'risky'
    },
    sendSubscribe: async (message) => {
      try {
        await sdk().openapi.subscribeMessage.send({
          touser: message.toOpenid,
          templateId: message.templateId,
          page: message.page,
          data: message.data,
        })
      } catch (error) {
        const code = (error as { errCode?: number }).errCode
        throw new PlatformError(`subscribeMessage.send: ${code ?? (error as Error).message}`, code !== undefined && PERMANENT.has(code))
      }
    },
    // Cloud storage's own temporary URL, valid for the seconds left until `expiresAt`.
    fileLink: async (fileID, expiresAt) => {
      const maxAge = Math.max(60, Math.floor((expiresAt.getTime() - Date.now()) / 1000))
      const { fileList } = await sdk().getTempFileURL({ fileList: [{ fileID, maxAge }] })
      if (!fileList[0] || fileList[0].status !== 0) throw new PlatformError(`getTempFileURL: ${fileList[0]?.status}`, true)
      return fileList[0].tempFileURL
    },
    readFile: async (fileID) => {
      try {
        return (await sdk().downloadFile({ fileID })).fileContent
      } catch {
        return undefined
      }
    },
  }
}
