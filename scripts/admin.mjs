#!/usr/bin/env node
/**
 * `npm run admin -- grant-admin|revoke-admin <openid|bind code>`: bundles the host (with its
 * operator commands, cloudfunctions/account/cli.ts) when esbuild is here, then runs
 * dist/host/admin.js on DATABASE_URL (or the local PGlite in .data/, with `npm start` stopped).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'dist/host/admin.js')
if (existsSync(join(root, 'node_modules/esbuild'))) await (await import('./build.mjs')).buildHost()
else if (!existsSync(built)) {
  console.error('dist/host/admin.js is missing: run `npm run build` first')
  process.exit(1)
}
const run = spawnSync(process.execPath, ['--enable-source-maps', built, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
process.exit(run.status ?? 1)
