/**
 * Short-lived links to private files (evidence, archive parts): the local host's stand-in for
 * WeChat cloud storage's temporary URLs. A link names the file, the second it expires and an
 * HMAC-SHA256 of both under a server secret; the host serves it only while it has not expired.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** A file the local host keeps: `local:<sha256>.<ext>`. */
export const LOCAL_FILE = /^local:([0-9a-f]{64}\.(?:jpg|png|pdf))$/
/** How long a link to a private file works. */
export const FILE_LINK_SECONDS = 10 * 60
const DEV_SECRET = 'dev-only-file-link-secret'

function secret(): string {
  const value = process.env.FILE_LINK_SECRET
  if (value) return value
  if (process.env.NODE_ENV === 'production') throw new Error('FILE_LINK_SECRET is not set')
  return DEV_SECRET
}

const macOf = (name: string, expires: number) => createHmac('sha256', secret()).update(`${name}.${expires}`).digest('base64url').slice(0, 22)

/** The host's path for the local file `name` (`<sha256>.<ext>`) until `expiresAt`. */
export function signFileLink(name: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000)
  return `/files/${name}?e=${expires}&s=${macOf(name, expires)}`
}

/** Whether a link's expiry and signature are ours and not past `now`. */
export function verifyFileLink(name: string, expires: string | null, signature: string | null, now: Date): 'ok' | 'forged' | 'expired' {
  if (!expires || !/^[0-9]{1,12}$/.test(expires) || !signature) return 'forged'
  const expected = Buffer.from(macOf(name, Number(expires)))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged'
  return Number(expires) * 1000 > now.getTime() ? 'ok' : 'expired'
}
