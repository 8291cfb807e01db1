/**
 * The local host: every cloud function at POST /api/<fn> (same envelope, same entries as the
 * cloud), the dev sign-in at /dev/*, and the h5 build for everything else.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { errorMessages, type Envelope } from '../../src/domain/errors'
import type { Runtime } from '../core/runtime'
import { demoPeople } from './demo-seed'
import type { DevAuth } from './dev-auth'
import { cloudFunctions } from './functions'

const MAX_BODY = 64 * 1024
const GUEST = /^[A-Za-z0-9_-]{1,40}$/

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

const failure = (code: keyof typeof errorMessages, message: string = errorMessages[code]): Envelope<never> => ({
  ok: false,
  error: { code, message },
})

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) reject(new Error('too_large'))
      else chunks.push(chunk)
    })
    req.on('end', () => {
      try {
        resolve(size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        reject(new Error('bad_json'))
      }
    })
    req.on('error', reject)
  })
}

function serveStatic(res: ServerResponse, h5Dir: string, path: string): void {
  const index = join(h5Dir, 'index.html')
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 页面尚未构建：请运行 npm run build（或 npm start 会自动构建）。')
    return
  }
  const file = normalize(join(h5Dir, decodeURIComponent(path)))
  const inside = file.startsWith(h5Dir) && existsSync(file) && statSync(file).isFile()
  const chosen = inside ? file : index
  const immutable = inside && /\.(js|css)$/.test(file)
  res.writeHead(200, {
    'content-type': types[extname(chosen)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  createReadStream(chosen).pipe(res)
}

export interface HostOptions {
  runtime: Runtime
  auth: DevAuth
  h5Dir: string
}

export function createHost({ runtime, auth, h5Dir }: HostOptions): Server {
  async function api(req: IncomingMessage, res: ServerResponse, fn: string): Promise<void> {
    const entry = Object.hasOwn(cloudFunctions, fn) ? cloudFunctions[fn] : undefined
    if (!entry) return send(res, 404, failure('not_found', '没有这个服务'))
    let event: unknown
    try {
      event = await readJson(req)
    } catch (error) {
      const tooLarge = (error as Error).message === 'too_large'
      return send(res, tooLarge ? 413 : 400, failure('invalid_input', tooLarge ? '请求内容过大' : '请求格式不正确'))
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const openid = token ? auth.verify(token, runtime.clock.now()) : undefined
    send(res, 200, await entry.main(event, { openid }))
  }

  async function signin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readJson(req).catch(() => ({}))) as { persona?: unknown; guest?: unknown }
    const person = demoPeople.find((p) => p.persona === body.persona)
    const openid = person?.openid ?? (typeof body.guest === 'string' && GUEST.test(body.guest) ? `guest-${body.guest}` : undefined)
    if (!openid) return send(res, 200, failure('invalid_input', '请选择一个演示身份'))
    send(res, 200, { ok: true, data: { token: auth.sign(openid, runtime.clock.now()), openid } })
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host')
    const route = url.pathname.split('/')
    const handle = async () => {
      if (req.method === 'POST' && route[1] === 'api' && route.length === 3) return api(req, res, route[2])
      if (req.method === 'POST' && url.pathname === '/dev/signin') return signin(req, res)
      if (req.method === 'GET' && url.pathname === '/dev/personas') {
        return send(res, 200, { ok: true, data: demoPeople.map(({ persona, nickname }) => ({ persona, nickname })) })
      }
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(res, h5Dir, url.pathname)
      send(res, 405, failure('invalid_input', '不支持的请求方式'))
    }
    handle().catch((error) => {
      console.error('[host]', error)
      if (!res.headersSent) send(res, 500, failure('internal'))
    })
  })
}
