/**
 * The built host in production mode (NODE_ENV=production) as a child process, for the production
 * e2e tests: its environment (none of the test runner's database or dev settings unless given),
 * a refusal run, and a running host against a database URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { freePort, newDataDir, ROOT } from './host'

export const MAIN = join(ROOT, 'dist/host/main.js')

export const SECRETS = {
  ACTIVITY_CODE_SECRET: 'production-test-secret-0123456789abcdef',
  RESOURCES_LINK_SECRET: 'production-test-link-secret-0123456789abcdef',
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_APPSECRET: '0123456789abcdef0123456789abcdef',
}

/** The environment a host gets: none of the test runner's DATABASE_URL or dev settings unless given. */
export function hostEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, DEV_CLOCK: _clock, DEV_CLOCK_AT: _at, PUBLIC_URL: _url, ...rest } = process.env
  return { ...rest, NODE_ENV: 'production', DATA_DIR: newDataDir(), ...extra }
}

export function refusal(extra: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [MAIN], { env: hostEnv({ PORT: '0', ...extra }), encoding: 'utf8', timeout: 30_000 })
  return { status: run.status, stderr: run.stderr, stdout: run.stdout }
}

export interface Running {
  url: string
  port: number
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

export async function startProduction(databaseUrl: string, extra: NodeJS.ProcessEnv = {}): Promise<Running> {
  const port = await freePort()
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: hostEnv({ ...SECRETS, DATABASE_URL: databaseUrl, PUBLIC_URL: 'https://xslm.example.gov.cn', PORT: String(port), JOBS_INTERVAL_MS: '500', ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('ready at')) {
        clearInterval(timer)
        resolve()
      }
    }, 50)
    void exited.then((code) => {
      clearInterval(timer)
      reject(new Error(`host exited with ${code}:\n${output}`))
    })
  })
  return { url: `http://127.0.0.1:${port}`, port, child, output: () => output, exited }
}
