/**
 * Dev sign-in: the local stand-in for WeChat's identity. The host signs a short token naming an
 * openid; every call carries it and the host turns it into `context.openid`. Never in production.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

const TOKEN_DAYS = 30
/** Exactly `<base64url claims>.<base64url HMAC-SHA256>`: nothing before, between or after. */
const TOKEN = /^([A-Za-z0-9_-]{1,512})\.([A-Za-z0-9_-]{43})$/
const OPENID = /^[A-Za-z0-9_-]{1,64}$/

export interface DevAuth {
  sign(openid: string, now: Date): string
  verify(token: string, now: Date): string | undefined
}

export function assertNotProduction(env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV === 'production') {
    throw new Error('开发登录（dev sign-in）不能在 NODE_ENV=production 下运行：生产环境请部署到微信云开发，身份由微信提供。')
  }
}

/** Keeps the signing secret beside the data so tokens survive a restart. */
export function loadSecret(file: string): Buffer {
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8'), 'hex')
  const secret = randomBytes(32)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 })
  return secret
}

export function devAuth(secret: Buffer, env: NodeJS.ProcessEnv = process.env): DevAuth {
  assertNotProduction(env)
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest('base64url')
  return {
    sign: (openid, now) => {
      const body = Buffer.from(JSON.stringify({ openid, exp: now.getTime() + TOKEN_DAYS * 86_400_000 })).toString('base64url')
      return `${body}.${mac(body)}`
    },
    verify: (token, now) => {
      const match = TOKEN.exec(token)
      if (!match) return undefined
      const [, body, sig] = match
      const expected = Buffer.from(mac(body))
      const given = Buffer.from(sig)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
      let claims: unknown
      try {
        claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
      } catch {
        return undefined
      }
      const { openid, exp, ...rest } = (claims ?? {}) as { openid?: unknown; exp?: unknown }
      const exact = typeof openid === 'string' && OPENID.test(openid) && Number.isSafeInteger(exp) && Object.keys(rest).length === 0
      return exact && (exp as number) > now.getTime() ? openid : undefined
    },
  }
}
