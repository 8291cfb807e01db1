/**
 * The platform port: what only WeChat can do when deployed, and its local stand-ins (see
 * platform-local.ts and platform-wx.ts). Each capability names the openapi it needs, so a
 * function calls only what its config.json grants.
 */
export type TextVerdict = 'pass' | 'review' | 'risky'

export interface SubscribeMessage {
  toOpenid: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  /** The outbox row's key: the local platform records each message once under it. */
  dedupeKey: string
}

/** A platform call that failed; `permanent` when trying again cannot help (e.g. 43101, refused). */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message)
  }
}

export interface Platform {
  readonly name: 'wx' | 'local' | 'openapi'
  /** The caller's openid, from the platform itself, never from the call's data. */
  callerOpenid(context: unknown): string | undefined
  /** The timer trigger's name when this event is the platform's timer firing, never a person's call. */
  timerOf(event: unknown, context: unknown): string | undefined
  /** A printable code that opens `page` with `scene` (≤ 32 characters). */
  siteCode(scene: string, page: string): Promise<{ image: string; target: string }>
  /** Judges user text (security.msgSecCheck v2, read by `result.suggest`). */
  checkText(text: string, openid: string): Promise<TextVerdict>
  /** Sends a one-time subscription message. */
  sendSubscribe(message: SubscribeMessage): Promise<void>
  /** A link to a stored file that stops working at `expiresAt` (private files are never linked for good). */
  fileLink(fileId: string, expiresAt: Date): Promise<string>
  /** A stored file's bytes, or undefined when the store does not hold it. */
  readFile(fileId: string): Promise<Uint8Array | undefined>
}

export const openapiOf = {
  siteCode: 'wxacode.getUnlimited',
  checkText: 'security.msgSecCheck',
  sendSubscribe: 'subscribeMessage.send',
} as const satisfies Record<Exclude<keyof Platform, 'name' | 'callerOpenid' | 'timerOf' | 'fileLink' | 'readFile'>, string>

/** A timer event as WeChat's trigger delivers it: `{ Type: 'timer', TriggerName, Time }`. */
export function timerName(event: unknown): string | undefined {
  const timer = event as { Type?: unknown; TriggerName?: unknown } | null
  return typeof timer?.Type === 'string' && timer.Type.toLowerCase() === 'timer' && typeof timer.TriggerName === 'string'
    ? timer.TriggerName
    : undefined
}

export type Openapi = (typeof openapiOf)[keyof typeof openapiOf]

/** The platform as one function sees it: calling an openapi its config does not grant is a bug. */
export function grantedPlatform(platform: Platform, granted: readonly Openapi[]): Platform {
  const guard = <K extends keyof typeof openapiOf>(name: K) =>
    ((...args: unknown[]) => {
      if (!granted.includes(openapiOf[name])) throw new Error(`openapi ${openapiOf[name]} is not granted to this function`)
      return (platform[name] as (...a: unknown[]) => unknown)(...args)
    }) as Platform[K]
  return {
    name: platform.name,
    callerOpenid: (context) => platform.callerOpenid(context),
    timerOf: (event, context) => platform.timerOf(event, context),
    fileLink: (fileId, expiresAt) => platform.fileLink(fileId, expiresAt),
    readFile: (fileId) => platform.readFile(fileId),
    siteCode: guard('siteCode'),
    checkText: guard('checkText'),
    sendSubscribe: guard('sendSubscribe'),
  }
}
