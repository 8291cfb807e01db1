/**
 * The local stand-in for WeChat cloud storage: a signed-in person POSTs one JPEG or PNG (at most
 * 2 MB, judged by its bytes, not its name) to /upload and gets `local:<sha256>.<ext>`, the id a
 * topic's photos carry; GET /uploads/<sha256>.<ext> serves it back. What is kept is the cleaned
 * image (core/image.ts: no EXIF, GPS or text, nothing after its end), recorded as the uploader's.
 * A private upload (`/upload?private=1`: evidence) is kept in `private/`, which GET /uploads never
 * serves: only a signed, expiring link does (GET /files/<name>?e=&s=, core/file-links.ts).
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Db } from '../core/db'
import { verifyFileLink } from '../core/file-links'
import { localFilePath } from '../core/platform-local'
import { BadImage, cleanImage } from '../core/image'
import { recordUpload } from '../core/uploads'
import { failure, readBody, sendJson } from './http'

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024
const NAME = /^\/uploads\/([0-9a-f]{64})\.(jpg|png)$/

export interface Uploader {
  openid: string | undefined
  db: Db
  now: Date
}

export async function receivePhoto(req: IncomingMessage, res: ServerResponse, uploadsDir: string, { openid, db, now }: Uploader, kept: 'public' | 'private' = 'public'): Promise<void> {
  const dir = kept === 'private' ? join(uploadsDir, 'private') : uploadsDir
  if (!openid) return sendJson(res, 401, failure('unauthenticated'))
  const bytes = await readBody(req, MAX_PHOTO_BYTES, '照片不能超过 2 MB')
  let image
  try {
    image = cleanImage(bytes)
  } catch (error) {
    if (error instanceof BadImage) return sendJson(res, 400, failure('invalid_input', error.message))
    throw error
  }
  const name = `${createHash('sha256').update(image.bytes).digest('hex')}.${image.kind}`
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, name))) writeFileSync(join(dir, name), image.bytes)
  await recordUpload(db, openid, `local:${name}`, image.bytes.length, now)
  sendJson(res, 200, { ok: true, data: { fileId: `local:${name}`, width: image.width, height: image.height } })
}

export function servePhoto(res: ServerResponse, dir: string, path: string): boolean {
  const match = NAME.exec(path)
  if (!match || !existsSync(join(dir, `${match[1]}.${match[2]}`))) return false
  res.writeHead(200, { 'content-type': match[2] === 'png' ? 'image/png' : 'image/jpeg', 'cache-control': 'public, max-age=31536000, immutable' })
  createReadStream(join(dir, `${match[1]}.${match[2]}`)).pipe(res)
  return true
}

const LINKED = /^\/files\/([0-9a-f]{64}\.(jpg|png|pdf))$/
const types = { jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' } as const

/** Serves a file by its signed link while the link lasts (403 forged, 410 expired); false when the path is not a link. */
export function serveLinkedFile(res: ServerResponse, uploadsDir: string, url: URL, now: Date): boolean {
  const match = LINKED.exec(url.pathname)
  if (!match) return false
  const verdict = verifyFileLink(match[1], url.searchParams.get('e'), url.searchParams.get('s'), now)
  if (verdict !== 'ok') {
    sendJson(res, verdict === 'expired' ? 410 : 403, failure(verdict === 'expired' ? 'expired' : 'forbidden', verdict === 'expired' ? '链接已过期，请重新打开' : '链接无效'))
    return true
  }
  const path = localFilePath(uploadsDir, match[1])
  if (!path) return false
  res.writeHead(200, { 'content-type': types[match[2] as keyof typeof types], 'cache-control': 'private, no-store' })
  createReadStream(path).pipe(res)
  return true
}
