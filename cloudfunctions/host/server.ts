/**
 * The host: every cloud function at POST /api/<fn> (same envelope, same entries as the cloud),
 * the dev sign-in at /dev/* (not in production), /healthz, /readyz, /metrics (allowed addresses
 * only), and the h5 build for everything else. No request can end the process: anything malformed
 * is answered with a 4xx, anything unexpected with a 500.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { BlockList } from 'node:net'
import { runDueJobs } from '../core/jobs'
import { migrationsOf } from '../core/migrate'
import { migrationFiles } from '../core/migrations'
import type { Runtime } from '../core/runtime'
import type { Envelope } from '../../src/domain/errors'
import { cloudFunctions, demoPeople } from '../features'
import type { DevAuth } from './dev-auth'
import { BadRequest, failure, readJson, securityHeaders, sendJson, serveStatic } from './http'
import { allowed, allowList, Metrics, personHash } from './production'
import { credentialOf, signinRoutes, type Credential, type SigninOptions } from './signin'
import { receivePhoto, serveLinkedFile, servePhoto } from './uploads'

const GUEST = /^[A-Za-z0-9_-]{1,40}$/

export interface HostOptions {
  runtime: Runtime
  /** The dev sign-in; none in production (then no /dev/* route and no caller from a dev token). */
  auth?: DevAuth
  h5Dir: string
  /** The address people open; its host name may use the dev sign-in besides localhost. */
  publicUrl: string
  /** Where photos uploaded to the host are kept. */
  uploadsDir: string
  /** When given (DEV_CLOCK=1), POST /dev/clock { at } moves the host's time and runs the jobs then due. */
  clock?: { set(at: Date | string): void }
  /** Addresses that may read /metrics (loopback by default). */
  metricsAllow?: BlockList
  /** One structured entry per request (production: a JSON line); never a token, code or openid. */
  log?: (entry: Record<string, unknown>) => void
  /** Real sign-in (./signin.ts): the WeChat apps it may use. Sessions are honoured with or without it. */
  signin?: SigninOptions
  /**
   * Production's CSRF rule: a POST from another origin is refused, and so is one carrying a cookie
   * (the browser's session) without this origin (PUBLIC_URL); a call to /api or /auth must say its
   * body is JSON, which a cross-site form cannot. The mini-program sends neither cookie nor origin.
   */
  allowedOrigin?: string
}

/** What the host is doing: requests being answered, and whether it has stopped taking new ones. */
export interface HostState {
  inFlight: number
  draining: boolean
  /** Answers when the last request in flight has finished (at once when none is). */
  idle(): Promise<void>
}

/** What one request did, for its log line and the metrics. */
interface Note {
  route: string
  fn?: string
  action?: string
  code?: string
  who?: string
}

const ACTION = /^[A-Za-z][A-Za-z0-9]{0,40}$/
const FEED_TOKEN = /^([A-Za-z0-9_-]{16,128})(\.ics)?$/
const expectedMigrations = migrationsOf(migrationFiles).map((m) => m.version)

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())])

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

export function createHost(options: HostOptions): Server & { state: HostState } {
  const { runtime, auth, h5Dir, publicUrl, uploadsDir, clock, log } = options
  const headers = securityHeaders(h5Dir)
  const allowedHosts = signinHosts(publicUrl)
  const metricsAllow = options.metricsAllow ?? allowList()
  const metrics = new Metrics()
  const waiters: (() => void)[] = []
  const state: HostState = {
    inFlight: 0,
    draining: false,
    idle: () => (state.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  }

  async function api(req: IncomingMessage, res: ServerResponse, fn: string, note: Note): Promise<void> {
    const entry = Object.hasOwn(cloudFunctions, fn) ? cloudFunctions[fn] : undefined
    if (!entry) return sendJson(res, 404, failure('not_found', '没有这个服务'))
    note.fn = fn
    const event = await readJson(req)
    const action = (event as { action?: unknown } | null)?.action
    note.action = typeof action === 'string' && ACTION.test(action) && Object.hasOwn(entry.definition.actions, action) ? action : 'unknown'
    const { openid, refused } = await signedIn(req)
    note.who = personHash(openid)
    if (refused) {
      note.code = refused
      return sendJson(res, 401, failure(refused))
    }
    const answer = (await entry.main(event, { openid })) as Envelope<unknown>
    note.code = answer.ok ? 'ok' : answer.error.code
    sendJson(res, 200, answer)
  }

  /** A feed behind a secret link: its file, or a bare 404 for anything unknown (the token is never logged). */
  async function feed(res: ServerResponse, fn: string, name: string, raw: string): Promise<void> {
    const definition = Object.hasOwn(cloudFunctions, fn) ? cloudFunctions[fn].definition : undefined
    const serve = definition?.feeds && Object.hasOwn(definition.feeds, name) ? definition.feeds[name] : undefined
    const token = FEED_TOKEN.exec(raw)?.[1]
    const file = serve && token ? await serve({ db: runtime.db, now: runtime.clock.now() }, token) : undefined
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      return void res.end('Not Found')
    }
    res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'private, max-age=300', 'content-length': Buffer.byteLength(file.body) })
    res.end(file.body)
  }

  /** The caller: a dev token (development only), else a session (bearer or cookie); a dead session is refused. */
  async function signedIn(req: IncomingMessage): Promise<{ openid?: string; refused?: 'session_expired' | 'unauthenticated'; credential?: Credential }> {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
    const dev = token && auth ? auth.verify(token, runtime.clock.now()) : undefined
    if (dev) return { openid: dev }
    const credential = await credentialOf(req, runtime)
    if (!credential) return {}
    return 'session' in credential ? { openid: credential.session.openid, credential } : { refused: credential.refused, credential }
  }

  const realSignin = signinRoutes(runtime, options.signin ?? { authorizeBase: 'https://open.weixin.qq.com', publicUrl }, Boolean(auth))

  /** CSRF (production): a state-changing request from another site, or one not declared as JSON, is refused. */
  function crossSite(req: IncomingMessage, path: string): string | undefined {
    if (!options.allowedOrigin || req.method !== 'POST') return undefined
    const origin = req.headers.origin
    if (origin !== undefined ? origin !== options.allowedOrigin : req.headers.cookie !== undefined) return '请求来源不被允许，请从本站页面操作'
    const json = /^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')
    if ((path.startsWith('/api/') || path.startsWith('/auth/')) && !json) return '请求须为 JSON（content-type: application/json）'
    return undefined
  }

  /** Liveness and what an operator checks first: the database answers, every migration is applied, when each job last ran. */
  async function healthz(res: ServerResponse): Promise<void> {
    try {
      const rows = await withTimeout(runtime.db.query<{ version: number }>('SELECT version FROM schema_migrations'), 3000)
      const applied = new Set(rows.map((row) => row.version))
      const missing = expectedMigrations.filter((version) => !applied.has(version))
      const jobs = await withTimeout(
        runtime.db.query<{ fn: string; job: string; started_at: Date; finished_at: Date | null; failed: boolean }>(
          'SELECT DISTINCT ON (fn, job) fn, job, started_at, finished_at, error IS NOT NULL AS failed FROM job_runs ORDER BY fn, job, started_at DESC',
        ),
        3000,
      )
      const ok = missing.length === 0
      sendJson(res, ok ? 200 : 503, {
        ok,
        database: 'ok',
        migrations: { applied: applied.size, expected: expectedMigrations.length, missing },
        jobs: jobs.map((j) => ({ name: `${j.fn}.${j.job}`, lastStarted: j.started_at, lastFinished: j.finished_at, failed: j.failed })),
      })
    } catch {
      sendJson(res, 503, { ok: false, database: 'unreachable' })
    }
  }

  /** Readiness: taking requests (not shutting down) and the database answers. */
  async function readyz(res: ServerResponse): Promise<void> {
    if (state.draining) return sendJson(res, 503, { ok: false, reason: 'shutting down' })
    try {
      await withTimeout(runtime.db.query('SELECT 1'), 2000)
      sendJson(res, 200, { ok: true })
    } catch {
      sendJson(res, 503, { ok: false, reason: 'database unreachable' })
    }
  }

  function metricsPage(req: IncomingMessage, res: ServerResponse): void {
    // Through a proxy every request comes from the proxy's address: a forwarded request is never allowed.
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined
    if (forwarded || !allowed(metricsAllow, req.socket.remoteAddress)) return sendJson(res, 403, failure('forbidden'))
    const text = metrics.render({ inFlight: state.inFlight })
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }

  async function signin(req: IncomingMessage, res: ServerResponse, dev: DevAuth): Promise<void> {
    const body = await readJson(req)
    const { persona, guest } = (body && typeof body === 'object' ? body : {}) as { persona?: unknown; guest?: unknown }
    const person = demoPeople.find((p) => p.persona === persona)
    const openid = person?.openid ?? (typeof guest === 'string' && GUEST.test(guest) ? `guest-${guest}` : undefined)
    if (!openid) return sendJson(res, 400, failure('invalid_input', '请选择一个演示身份'))
    sendJson(res, 200, { ok: true, data: { token: dev.sign(openid, runtime.clock.now()), openid } })
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

  async function route(req: IncomingMessage, res: ServerResponse, note: Note): Promise<void> {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://host')
    } catch {
      throw new BadRequest(400, '请求地址不正确')
    }
    const path = url.pathname
    const parts = path.split('/')
    if (req.method === 'GET' && (path === '/healthz' || path === '/readyz' || path === '/metrics')) {
      note.route = path.slice(1)
      if (path === '/healthz') return healthz(res)
      if (path === '/readyz') return readyz(res)
      return metricsPage(req, res)
    }
    if (state.draining) throw new Draining()
    const refusedOrigin = crossSite(req, path)
    if (refusedOrigin) {
      note.route = 'csrf'
      note.code = 'cross_origin'
      return sendJson(res, 403, failure('cross_origin', refusedOrigin))
    }
    if (parts[1] === 'auth') {
      note.route = 'auth'
      if (await realSignin(req, res, url, (await signedIn(req)).credential)) return
    }
    if (req.method === 'POST' && parts[1] === 'api' && parts.length === 3) {
      note.route = 'api'
      return api(req, res, parts[2], note)
    }
    if (req.method === 'GET' && parts[1] === 'feeds' && parts.length === 5) {
      note.route = 'feed'
      return feed(res, parts[2], parts[3], parts[4])
    }
    note.route = 'upload'
    if (req.method === 'POST' && path === '/upload') {
      const kept = url.searchParams.get('private') === '1' ? 'private' : 'public'
      return receivePhoto(req, res, uploadsDir, { openid: (await signedIn(req)).openid, db: runtime.db, now: runtime.clock.now() }, kept)
    }
    if (req.method === 'GET' && servePhoto(res, uploadsDir, path)) return
    if (req.method === 'GET' && serveLinkedFile(res, uploadsDir, url, runtime.clock.now())) return
    note.route = 'static'
    if (parts[1] === 'dev' && auth) {
      note.route = 'dev'
      if (!allowedHosts.has(hostName(req) ?? '')) return sendJson(res, 403, failure('forbidden', '开发登录只接受本机地址的请求'))
      if (req.method === 'POST' && path === '/dev/signin') return signin(req, res, auth)
      if (req.method === 'POST' && path === '/dev/clock' && clock) return setClock(req, res, clock)
      if (req.method === 'GET' && path === '/dev/personas') {
        return sendJson(res, 200, { ok: true, data: demoPeople.map(({ persona, nickname }) => ({ persona, nickname })) })
      }
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(res, h5Dir, path)
    sendJson(res, 405, failure('invalid_input', '不支持的请求方式'))
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint()
    const note: Note = { route: 'other' }
    state.inFlight += 1
    res.once('close', () => {
      state.inFlight -= 1
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (note.fn && note.action) metrics.observe(note.fn, note.action, note.code ?? `http_${res.statusCode}`, seconds)
      log?.({ level: 'info', msg: 'request', method: req.method, route: note.route, fn: note.fn, action: note.action, code: note.code, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10, who: note.who })
      if (state.inFlight === 0) waiters.splice(0).forEach((resolve) => resolve())
    })
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    // A request on a kept-alive connection while the host stops: answered, and the connection closed.
    if (state.draining) res.setHeader('connection', 'close')
    route(req, res, note).catch((error) => {
      if (res.headersSent) return res.destroy()
      if (error instanceof Draining) return sendJson(res, 503, failure('internal', '服务正在重启，请稍后再试'))
      if (error instanceof BadRequest) {
        note.code = 'invalid_input'
        return sendJson(res, error.status, failure('invalid_input', error.message))
      }
      if (log) log({ level: 'error', msg: 'request failed', route: note.route, fn: note.fn, action: note.action, error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined })
      else console.error('[host]', error)
      note.code = 'internal'
      sendJson(res, 500, failure('internal'))
    })
  })
  // Requests node:http cannot parse at all: a plain 400, and the connection closed.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    else socket.destroy()
  })
  return Object.assign(server, { state })
}

/** A new request after shutdown began. */
class Draining extends Error {}
