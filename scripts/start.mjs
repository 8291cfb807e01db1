#!/usr/bin/env node
/**
 * `npm start`: builds the h5 app when it is missing or older than src/, bundles the host, and runs
 * it on PGlite in .data/ (or DATABASE_URL). PORT, DATA_DIR and PUBLIC_URL can be set.
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

const built = statSync(join(root, 'dist/h5/index.html'), { throwIfNoEntry: false })
if (!built || built.mtimeMs < Math.max(newest(join(root, 'src')), newest(join(root, 'config')))) {
  console.log('[start] building the h5 app (about half a minute)…')
  buildTaro('h5')
}
await buildHost()
const host = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/host/main.js')], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal))
host.on('exit', (code) => process.exit(code ?? 0))
