/**
 * The local stand-in for WeChat cloud storage: a signed-in person POSTs one JPEG or PNG (at most
 * 2 MB, judged by its bytes, not its name) to /upload and gets `local:<sha256>.<ext>`, the id a
 * topic's photos carry; GET /uploads/<sha256>.<ext> serves it back. What is kept is the cleaned
 * image (core/image.ts: no EXIF, GPS or text, nothing after its end), recorded as the uploader's.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Db } from '../core/db'
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

export async function receivePhoto(req: IncomingMessage, res: ServerResponse, dir: string, { openid, db, now }: Uploader): Promise<void> {
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
