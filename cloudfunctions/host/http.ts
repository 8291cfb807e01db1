/**
 * The host's HTTP edges: security headers on every answer, JSON answers and bodies, and static
 * files from the h5 build. Every malformed request gets a 4xx here; nothing it sends can throw
 * past the server's handler.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative } from 'node:path'
import { errorMessages, type Envelope } from '../../src/domain/errors'

const MAX_BODY = 64 * 1024

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

/**
 * The content security policy the h5 build satisfies: scripts only from this host plus the inline
 * scripts of index.html, allowed by their hashes (Taro's page-scale script); styles may be inline
 * (Taro's components set style attributes); images also as data: URLs (QR codes) and blob: URLs;
 * fetch may also read blob: URLs (h5's chooseImage hands a chosen photo over as one, read before
 * it is uploaded). No javascript: URL runs: the app stops the tab bar's `href="javascript:;"`.
 */
export function contentSecurityPolicy(indexHtml: string): string {
  const hashes = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  )
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function securityHeaders(h5Dir: string): Record<string, string> {
  const index = join(h5Dir, 'index.html')
  const html = existsSync(index) ? readFileSync(index, 'utf8') : ''
  return {
    'content-security-policy': contentSecurityPolicy(html),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' })
  res.end(text)
}

export const failure = (code: keyof typeof errorMessages, message: string = errorMessages[code]): Envelope<never> => ({
  ok: false,
  error: { code, message },
})

export class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The request's body, or a 413 with `tooLarge` past `max` bytes. */
export function readBody(req: IncomingMessage, max: number, tooLarge: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max) reject(new BadRequest(413, tooLarge))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, MAX_BODY, '请求内容过大')
  try {
    return body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
  } catch {
    throw new BadRequest(400, '请求格式不正确')
  }
}

/** A request path as a file under `dir`, compared by whole segments; undefined when it leaves `dir`. */
export function fileUnder(dir: string, path: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    throw new BadRequest(400, '请求地址不正确')
  }
  if (decoded.includes('\0')) throw new BadRequest(400, '请求地址不正确')
  const file = join(dir, decoded)
  const rel = relative(dir, file)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : file
}

export function serveStatic(res: ServerResponse, h5Dir: string, path: string): void {
  const index = join(h5Dir, 'index.html')
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 页面尚未构建：请运行 npm run build（或 npm start 会自动构建）。')
    return
  }
  const file = fileUnder(h5Dir, path)
  const found = file !== undefined && existsSync(file) && statSync(file).isFile()
  const chosen = found ? file : index
  const immutable = found && /\.(js|css)$/.test(file)
  res.writeHead(200, {
    'content-type': types[extname(chosen)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  createReadStream(chosen).pipe(res)
}
