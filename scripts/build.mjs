#!/usr/bin/env node
/**
 * Builds: `weapp` and `h5` (Taro, production), `functions` (each cloud function bundled with core
 * and src/domain into dist/cloudfunctions/<fn>/ with a generated package.json and config.json),
 * `host` (the local host into dist/host/main.js, and its database thread), or `all`.
 *   node scripts/build.mjs all | weapp | h5 | functions | host
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const notFunctions = new Set(['core', 'host'])
const WX_SERVER_SDK = '~4.0.2'

/**
 * core/migrations/index.ts reads the kernel's and every feature's migrations folder at run time; a
 * bundle carries the same files inlined, so a deployed function (and the host) applies exactly them.
 */
function migrationPaths() {
  const dir = join(root, 'cloudfunctions')
  const folders = readdirSync(dir).map((name) => join(dir, name, 'migrations')).filter((folder) => existsSync(folder))
  return folders
    .flatMap((folder) => readdirSync(folder).filter((file) => file.endsWith('.sql')).map((file) => join(folder, file)))
    .sort((a, b) => basename(a).localeCompare(basename(b)))
}

export const inlineMigrations = {
  name: 'inline-migrations',
  setup(build) {
    // Gzipped: every function carries every feature's SQL (it migrates on its first call), and the
    // text is a fifth of the size packed, which keeps each bundle well under its 200 KB.
    build.onLoad({ filter: /core[\\/]migrations[\\/]index\.ts$/ }, () => {
      const files = migrationPaths().map((path) => ({ file: basename(path), sql: readFileSync(path, 'utf8') }))
      const packed = gzipSync(JSON.stringify(files), { level: 9 }).toString('base64')
      return {
        contents: `import { gunzipSync } from 'node:zlib'\nexport const migrationFiles = JSON.parse(gunzipSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'))`,
        loader: 'js',
      }
    })
  },
}

const serverOptions = {
  plugins: [inlineMigrations],
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  loader: { '.sql': 'text' },
  logLevel: 'warning',
  legalComments: 'none',
}

export function functionNames() {
  const dir = join(root, 'cloudfunctions')
  // A feature is a folder with a manifest (feature.ts, listed in cloudfunctions/features.ts); each is one cloud function.
  return readdirSync(dir).filter((name) => !notFunctions.has(name) && existsSync(join(dir, name, 'feature.ts')))
}

export async function buildFunctions() {
  const sizes = {}
  for (const name of functionNames()) {
    const out = join(root, 'dist/cloudfunctions', name)
    rmSync(out, { recursive: true, force: true })
    mkdirSync(out, { recursive: true })
    await esbuild.build({
      ...serverOptions,
      entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: join(out, 'index.js'),
      minify: true,
      // wx-server-sdk is installed by WeChat from package.json; PGlite is never used when deployed.
      external: ['wx-server-sdk', '@electric-sql/pglite', 'pg-native'],
    })
    const { definition } = require(join(out, 'index.js'))
    writeFileSync(join(out, 'package.json'), JSON.stringify({
      name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': WX_SERVER_SDK },
    }, null, 2) + '\n')
    const { trigger } = definition
    const config = { permissions: { openapi: [...definition.openapi] }, ...(trigger ? { triggers: [trigger] } : {}) }
    writeFileSync(join(out, 'config.json'), JSON.stringify(config, null, 2) + '\n')
    sizes[name] = statSync(join(out, 'index.js')).size
  }
  return sizes
}

export async function buildHost() {
  await esbuild.build({
    ...serverOptions,
    target: 'node20',
    // dist/host/admin.js and assess.js are the operator's commands (npm run admin, npm run assess), beside the host that serves them.
    entryPoints: [
      ...['main', 'pglite-thread'].map((name) => ({ in: join(root, `cloudfunctions/host/${name}.ts`), out: name })),
      { in: join(root, 'cloudfunctions/account/cli.ts'), out: 'admin' },
      { in: join(root, 'cloudfunctions/assessment/cli.ts'), out: 'assess' },
    ],
    outdir: join(root, 'dist/host'),
    packages: 'external',
    sourcemap: true,
  })
}

/** A Taro build (weapp or h5) as a child process; two may run at once (their outputs and caches are apart). */
export function buildTaro(type) {
  const taro = join(root, 'node_modules/@tarojs/cli/bin/taro')
  const child = spawn(process.execPath, [taro, 'build', '--type', type], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return new Promise((resolve, reject) => {
    child.on('close', (status) => {
      if (status === 0 && !/Compiled with (some )?errors|ERROR in/.test(output)) return resolve()
      process.stderr.write(output.slice(-8000))
      reject(new Error(`taro build --type ${type} failed`))
    })
  })
}

/**
 * The mini-program's transport (TRANSPORT=cloud, the default, or https with API_URL, the
 * self-hosted host's https address, which must also be a 服务器域名 of the mini-program).
 */
export function weappTransport(env = process.env) {
  const transport = env.TRANSPORT ?? 'cloud'
  if (transport === 'cloud') return { transport }
  if (transport !== 'https') throw new Error(`TRANSPORT must be cloud or https, not ${transport}`)
  let url
  try {
    url = new URL(env.API_URL ?? '')
  } catch {
    throw new Error('TRANSPORT=https needs API_URL, the host\'s https address (e.g. https://xslm.example.gov.cn)')
  }
  if (url.protocol !== 'https:' || url.pathname !== '/' || url.search) throw new Error(`API_URL must be an https origin without a path, not ${env.API_URL}`)
  return { transport, apiUrl: url.origin }
}

const targets = {
  weapp: () => {
    weappTransport()
    return buildTaro('weapp')
  },
  h5: () => buildTaro('h5'),
  functions: buildFunctions,
  host: buildHost,
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = process.argv[2] ?? 'all'
  const list = wanted === 'all' ? Object.keys(targets) : [wanted]
  for (const target of list) {
    if (!targets[target]) throw new Error(`unknown build target: ${target}`)
    const started = Date.now()
    await targets[target]()
    console.log(`[build] ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}
