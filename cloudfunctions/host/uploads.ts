/**
 * The local stand-in for WeChat cloud storage: a signed-in person POSTs one JPEG or PNG (at most
 * 2 MB, judged by its bytes, not its name) to /upload and gets `local:<sha256>.<ext>`, the id a
 * topic's photos carry; GET /uploads/<sha256>.<ext> serves it back.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { failure, readBody, sendJson } from './http'

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024
const NAME = /^\/uploads\/([0-9a-f]{64})\.(jpg|png)$/

/** The image's kind from its first bytes, or undefined for anything else. */
export function imageKind(bytes: Buffer): 'jpg' | 'png' | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  return undefined
}

export async function receivePhoto(req: IncomingMessage, res: ServerResponse, dir: string, signedIn: boolean): Promise<void> {
  if (!signedIn) return sendJson(res, 401, failure('unauthenticated'))
  const bytes = await readBody(req, MAX_PHOTO_BYTES, '照片不能超过 2 MB')
  const kind = imageKind(bytes)
  if (!kind) return sendJson(res, 400, failure('invalid_input', '照片只能是 JPG 或 PNG 图片'))
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${kind}`
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, name))) writeFileSync(join(dir, name), bytes)
  sendJson(res, 200, { ok: true, data: { fileId: `local:${name}` } })
}

export function servePhoto(res: ServerResponse, dir: string, path: string): boolean {
  const match = NAME.exec(path)
  if (!match || !existsSync(join(dir, `${match[1]}.${match[2]}`))) return false
  res.writeHead(200, { 'content-type': match[2] === 'png' ? 'image/png' : 'image/jpeg', 'cache-control': 'public, max-age=31536000, immutable' })
  createReadStream(join(dir, `${match[1]}.${match[2]}`)).pipe(res)
  return true
}
