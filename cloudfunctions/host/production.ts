/**
 * Production mode of the host (NODE_ENV=production): what it needs before it starts, and the
 * parts only an operator reads — request logs as JSON lines, per-action metrics in the Prometheus
 * text format behind an address list, health and readiness.
 */
import { createHash } from 'node:crypto'
import { BlockList, isIP } from 'node:net'

/** One required setting: its variable, what it is for, and when a value is not good enough. */
interface Required {
  name: string
  what: string
  check?: (value: string) => string | undefined
}

const httpsUrl = (value: string) => {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.pathname === '/' && !url.search && !url.hash ? undefined : '须为 https:// 开头的站点地址（不带路径），例如 https://xslm.example.gov.cn'
  } catch {
    return '不是有效的网址'
  }
}

const longSecret = (value: string) => (value.length >= 32 ? undefined : '至少 32 个字符（例如 openssl rand -base64 32）')

/** What production needs; a missing or unfit one is named in the refusal. */
export const REQUIRED: Required[] = [
  { name: 'DATABASE_URL', what: 'PostgreSQL 连接串（生产环境不使用内嵌数据库）', check: (v) => (/^postgres(ql)?:\/\//.test(v) ? undefined : '须以 postgres:// 或 postgresql:// 开头') },
  { name: 'PUBLIC_URL', what: '对外访问地址（TLS 代理后的 https 地址）', check: httpsUrl },
  { name: 'ACTIVITY_CODE_SECRET', what: '活动动态签到码的签名密钥', check: longSecret },
  { name: 'RESOURCES_LINK_SECRET', what: '数据下载链接的签名密钥', check: longSecret },
  { name: 'WECHAT_APPID', what: '小程序 AppID（微信登录 code2Session）', check: (v) => (/^wx[0-9a-f]{16}$/.test(v) ? undefined : '须为 wx 开头的 18 位 AppID') },
  { name: 'WECHAT_APPSECRET', what: '小程序 AppSecret（微信登录 code2Session）', check: (v) => (/^[0-9a-f]{32}$/.test(v) ? undefined : '须为 32 位十六进制') },
]

/** Settings production may have; when set, they must be right. */
const OPTIONAL: Required[] = [
  { name: 'WECHAT_WEB_APPID', what: '服务号 AppID（h5 微信网页授权）', check: (v) => (/^wx[0-9a-f]{16}$/.test(v) ? undefined : '须为 wx 开头的 18 位 AppID') },
  { name: 'WECHAT_WEB_APPSECRET', what: '服务号 AppSecret（h5 微信网页授权）', check: (v) => (/^[0-9a-f]{32}$/.test(v) ? undefined : '须为 32 位十六进制') },
  { name: 'WECHAT_MINIPROGRAM_STATE', what: '订阅消息打开的小程序版本', check: (v) => (['formal', 'trial', 'developer'].includes(v) ? undefined : '须为 formal、trial 或 developer') },
]

/** Development settings that must not be set in production. */
const FORBIDDEN = [
  { name: 'DEV_CLOCK', what: '开发时钟（可改动服务器时间）' },
  { name: 'DEV_CLOCK_AT', what: '开发时钟的起始时间' },
]

export class ConfigError extends Error {}

export interface ProductionConfig {
  databaseUrl: string
  publicUrl: string
  metricsAllow: BlockList
  shutdownMs: number
}

/** Every problem at once, one per line, so an operator fixes them in one go. */
export function productionConfig(env: NodeJS.ProcessEnv): ProductionConfig {
  const problems: string[] = []
  for (const { name, what, check } of REQUIRED) {
    const value = env[name]
    if (!value) problems.push(`- 缺少 ${name}：${what}`)
    else {
      const wrong = check?.(value)
      if (wrong) problems.push(`- ${name} 不正确：${wrong}`)
    }
  }
  for (const { name, check } of OPTIONAL) {
    const wrong = env[name] ? check?.(env[name]!) : undefined
    if (wrong) problems.push(`- ${name} 不正确：${wrong}`)
  }
  if (Boolean(env.WECHAT_WEB_APPID) !== Boolean(env.WECHAT_WEB_APPSECRET)) problems.push('- WECHAT_WEB_APPID 与 WECHAT_WEB_APPSECRET 须同时设置（或都不设置：h5 只用登录码登录）')
  for (const { name, what } of FORBIDDEN) if (env[name]) problems.push(`- ${name} 不能在生产环境设置：${what}仅用于开发和测试`)
  let metricsAllow: BlockList | undefined
  try {
    metricsAllow = allowList(env.METRICS_ALLOW)
  } catch (error) {
    problems.push(`- METRICS_ALLOW 不正确：${(error as Error).message}`)
  }
  const shutdownMs = Number(env.SHUTDOWN_TIMEOUT_MS ?? 25_000)
  if (!Number.isSafeInteger(shutdownMs) || shutdownMs <= 0) problems.push('- SHUTDOWN_TIMEOUT_MS 不正确：须为正整数（毫秒）')
  if (problems.length) throw new ConfigError(`生产环境（NODE_ENV=production）无法启动：\n${problems.join('\n')}\n部署说明见 docs/deploy.md。`)
  return { databaseUrl: env.DATABASE_URL!, publicUrl: env.PUBLIC_URL!.replace(/\/$/, ''), metricsAllow: metricsAllow!, shutdownMs }
}

/**
 * The addresses that may read /metrics: METRICS_ALLOW, a comma list of addresses and CIDR ranges
 * (IPv4 or IPv6), loopback only by default.
 */
export function allowList(spec = '127.0.0.1,::1'): BlockList {
  const list = new BlockList()
  for (const item of spec.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [address, bits, ...rest] = item.split('/')
    const family = isIP(address)
    if (!family || rest.length) throw new Error(`${item} 不是地址或网段`)
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(address, type)
    else {
      const prefix = Number(bits)
      if (!/^\d{1,3}$/.test(bits) || prefix > (family === 6 ? 128 : 32)) throw new Error(`${item} 的前缀长度不正确`)
      list.addSubnet(address, prefix, type)
    }
  }
  return list
}

/** Whether a socket's remote address is in the list (an IPv4-mapped IPv6 address counts as IPv4). */
export function allowed(list: BlockList, remote: string | undefined): boolean {
  if (!remote) return false
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote)?.[1]
  if (mapped) return list.check(mapped, 'ipv4') || list.check(remote, 'ipv6')
  return list.check(remote, isIP(remote) === 6 ? 'ipv6' : 'ipv4')
}

/** Who made a request, as the logs may say it: a short hash, never the openid itself. */
export const personHash = (openid: string | undefined): string | undefined =>
  openid === undefined ? undefined : createHash('sha256').update(`xslm-log:${openid}`).digest('hex').slice(0, 16)

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

interface Series {
  counts: number[]
  sum: number
  count: number
  codes: Map<string, number>
}

/** Per function and action: a latency histogram and a count per answer code. */
export class Metrics {
  private readonly series = new Map<string, Series>()
  private readonly started = Date.now()

  observe(fn: string, action: string, code: string, seconds: number): void {
    const key = `${fn}\u0000${action}`
    let s = this.series.get(key)
    if (!s) this.series.set(key, (s = { counts: BUCKETS.map(() => 0), sum: 0, count: 0, codes: new Map() }))
    BUCKETS.forEach((le, i) => {
      if (seconds <= le) s.counts[i] += 1
    })
    s.sum += seconds
    s.count += 1
    s.codes.set(code, (s.codes.get(code) ?? 0) + 1)
  }

  render(extra: { inFlight: number }): string {
    const lines = [
      '# HELP xslm_requests_total API calls by function, action and answer code (ok or the error code).',
      '# TYPE xslm_requests_total counter',
    ]
    const entries = [...this.series.entries()].sort(([a], [b]) => a.localeCompare(b))
    const labels = (key: string) => {
      const [fn, action] = key.split('\u0000')
      return `fn="${fn}",action="${action}"`
    }
    for (const [key, s] of entries) for (const [code, n] of [...s.codes].sort()) lines.push(`xslm_requests_total{${labels(key)},code="${code}"} ${n}`)
    lines.push('# HELP xslm_request_errors_total API calls that did not answer ok, by function and action.', '# TYPE xslm_request_errors_total counter')
    for (const [key, s] of entries) lines.push(`xslm_request_errors_total{${labels(key)}} ${s.count - (s.codes.get('ok') ?? 0)}`)
    lines.push('# HELP xslm_request_duration_seconds API call latency, by function and action.', '# TYPE xslm_request_duration_seconds histogram')
    for (const [key, s] of entries) {
      BUCKETS.forEach((le, i) => lines.push(`xslm_request_duration_seconds_bucket{${labels(key)},le="${le}"} ${s.counts[i]}`))
      lines.push(`xslm_request_duration_seconds_bucket{${labels(key)},le="+Inf"} ${s.count}`)
      lines.push(`xslm_request_duration_seconds_sum{${labels(key)}} ${s.sum.toFixed(6)}`)
      lines.push(`xslm_request_duration_seconds_count{${labels(key)}} ${s.count}`)
    }
    lines.push('# HELP xslm_requests_in_flight Requests being answered now.', '# TYPE xslm_requests_in_flight gauge', `xslm_requests_in_flight ${extra.inFlight}`)
    lines.push('# HELP xslm_uptime_seconds Seconds since the host started.', '# TYPE xslm_uptime_seconds gauge', `xslm_uptime_seconds ${((Date.now() - this.started) / 1000).toFixed(0)}`)
    return `${lines.join('\n')}\n`
  }
}

/** One JSON line on stdout per request (production), on stderr for errors. */
export function jsonLog(entry: Record<string, unknown>): void {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry })
  if (entry.level === 'error') process.stderr.write(`${line}\n`)
  else process.stdout.write(`${line}\n`)
}
