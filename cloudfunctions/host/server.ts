/**
 * The local host: every cloud function at POST /api/<fn> (same envelope, same entries as the
 * cloud), the dev sign-in at /dev/*, and the h5 build for everything else. No request can end the
 * process: anything malformed is answered with a 4xx, anything unexpected with a 500.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { runDueJobs } from '../core/jobs'
import type { Runtime } from '../core/runtime'
import { cloudFunctions, demoPeople } from '../features'
import type { DevAuth } from './dev-auth'
import { BadRequest, failure, readJson, securityHeaders, sendJson, serveStatic } from './http'
import { receivePhoto, servePhoto } from './uploads'

const GUEST = /^[A-Za-z0-9_-]{1,40}$/

export interface HostOptions {
  runtime: Runtime
  auth: DevAuth
  h5Dir: string
  /** The address people open; its host name may use the dev sign-in besides localhost. */
  publicUrl: string
  /** Where photos uploaded to the host are kept. */
  uploadsDir: string
  /** When given (DEV_CLOCK=1), POST /dev/clock { at } moves the host's time and runs the jobs then due. */
  clock?: { set(at: Date | string): void }
}

/** Host names the dev sign-in answers: a page from any other name (DNS rebinding) gets no token. */
function signinHosts(publicUrl: string): Set<string> {
  return new Set(['localhost', '127.0.0.1', '[::1]', new URL(publicUrl).hostname])
}

function hostName(req: IncomingMessage): string | undefined {
  try {
    return new URL(`http://${req.headers.host ?? ''}`).hostname
  } catch {
    return undefined
  }
}

export function createHost({ runtime, auth, h5Dir, publicUrl, uploadsDir, clock }: HostOptions): Server {
  const headers = securityHeaders(h5Dir)
  const allowedHosts = signinHosts(publicUrl)

  async function api(req: IncomingMessage, res: ServerResponse, fn: string): Promise<void> {
    const entry = Object.hasOwn(cloudFunctions, fn) ? cloudFunctions[fn] : undefined
    if (!entry) return sendJson(res, 404, failure('not_found', '没有这个服务'))
    const event = await readJson(req)
    sendJson(res, 200, await entry.main(event, { openid: signedIn(req) }))
  }

  function signedIn(req: IncomingMessage): string | undefined {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
    return token ? auth.verify(token, runtime.clock.now()) : undefined
  }

  async function signin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req)
    const { persona, guest } = (body && typeof body === 'object' ? body : {}) as { persona?: unknown; guest?: unknown }
    const person = demoPeople.find((p) => p.persona === persona)
    const openid = person?.openid ?? (typeof guest === 'string' && GUEST.test(guest) ? `guest-${guest}` : undefined)
    if (!openid) return sendJson(res, 400, failure('invalid_input', '请选择一个演示身份'))
    sendJson(res, 200, { ok: true, data: { token: auth.sign(openid, runtime.clock.now()), openid } })
  }

  async function setClock(req: IncomingMessage, res: ServerResponse, settable: NonNullable<HostOptions['clock']>): Promise<void> {
    const body = (await readJson(req)) as { at?: unknown } | null
    const at = typeof body?.at === 'string' ? new Date(body.at) : undefined
    if (!at || Number.isNaN(at.getTime())) return sendJson(res, 400, failure('invalid_input', '请提供时间'))
    settable.set(at)
    const runs = []
    for (const { definition } of Object.values(cloudFunctions)) runs.push(...(await runDueJobs(definition, runtime, 'host')))
    sendJson(res, 200, { ok: true, data: { now: runtime.clock.now().toISOString(), runs } })
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://host')
    } catch {
      throw new BadRequest(400, '请求地址不正确')
    }
    const path = url.pathname
    const parts = path.split('/')
    if (req.method === 'POST' && parts[1] === 'api' && parts.length === 3) return api(req, res, parts[2])
    if (req.method === 'POST' && path === '/upload') return receivePhoto(req, res, uploadsDir, { openid: signedIn(req), db: runtime.db, now: runtime.clock.now() })
    if (req.method === 'GET' && servePhoto(res, uploadsDir, path)) return
    if (parts[1] === 'dev') {
      if (!allowedHosts.has(hostName(req) ?? '')) return sendJson(res, 403, failure('forbidden', '开发登录只接受本机地址的请求'))
      if (req.method === 'POST' && path === '/dev/signin') return signin(req, res)
      if (req.method === 'POST' && path === '/dev/clock' && clock) return setClock(req, res, clock)
      if (req.method === 'GET' && path === '/dev/personas') {
        return sendJson(res, 200, { ok: true, data: demoPeople.map(({ persona, nickname }) => ({ persona, nickname })) })
      }
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(res, h5Dir, path)
    sendJson(res, 405, failure('invalid_input', '不支持的请求方式'))
  }

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    route(req, res).catch((error) => {
      if (res.headersSent) return res.destroy()
      if (error instanceof BadRequest) return sendJson(res, error.status, failure('invalid_input', error.message))
      console.error('[host]', error)
      sendJson(res, 500, failure('internal'))
    })
  })
  // Requests node:http cannot parse at all: a plain 400, and the connection closed.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    else socket.destroy()
  })
  return server
}
