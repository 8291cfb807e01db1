/**
 * Runs the built host (dist/host/main.js, as `npm start` does) as a child process on its own port
 * and data folder, for end-to-end, crash and load tests. Always PGlite unless `env` says otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(__dirname, '../..')

export interface HostProcess {
  url: string
  dataDir: string
  child: ChildProcess
  /** Milliseconds from spawn to the ready line. */
  readyMs: number
  stop(signal?: NodeJS.Signals): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'xslm-'))
}

export async function startHost(dataDir = newDataDir(), env: NodeJS.ProcessEnv = {}): Promise<HostProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  const child = spawn(process.execPath, [join(ROOT, 'dist/host/main.js')], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'test', PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 60_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('ready at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}:\n${output}`))
    })
  })
  const readyMs = Date.now() - started
  child.removeAllListeners('exit')
  return {
    url,
    dataDir,
    child,
    readyMs,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}

/** Signs in through the dev sign-in and returns a caller of the host's API. */
export async function hostCaller(url: string, who: { persona?: string; guest?: string }) {
  const signin = await fetch(`${url}/dev/signin`, { method: 'POST', body: JSON.stringify(who) })
  const { data } = (await signin.json()) as { data: { token: string } }
  return async (fn: string, action: string, body: unknown = {}) => {
    const response = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${data.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action, data: body }),
    })
    return (await response.json()) as any
  }
}
