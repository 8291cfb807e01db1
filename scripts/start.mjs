#!/usr/bin/env node
/**
 * `npm start`: builds the h5 app when it is missing or older than src/, bundles the host, and runs
 * it on PGlite in .data/ (or DATABASE_URL). PORT, DATA_DIR and PUBLIC_URL can be set.
 * `npm run dev` (--watch): the same, with `taro build --type h5 --watch` rebuilding beside it.
 */
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildHost, buildTaro } from './build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

const watch = process.argv.includes('--watch')
const children = []
if (watch) {
  const taro = join(root, 'node_modules/@tarojs/cli/bin/taro')
  children.push(spawn(process.execPath, [taro, 'build', '--type', 'h5', '--watch'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } }))
}
const built = statSync(join(root, 'dist/h5/index.html'), { throwIfNoEntry: false })
if (!watch && (!built || built.mtimeMs < Math.max(newest(join(root, 'src')), newest(join(root, 'config'))))) {
  console.log('[start] building the h5 app (about half a minute)…')
  await buildTaro('h5')
}
await buildHost()
const host = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/host/main.js')], { cwd: root, stdio: 'inherit' })
children.push(host)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill(signal)))
host.on('exit', (code) => {
  children.forEach((child) => child.kill())
  process.exit(code ?? 0)
})
