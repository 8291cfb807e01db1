#!/usr/bin/env node
/**
 * The operator's commands, `npm run admin -- grant-admin|revoke-admin <openid|bind code>` and
 * `npm run assess -- --period YYYY-MM`: bundles the host (with its operator entries,
 * cloudfunctions/account/cli.ts and cloudfunctions/assessment/cli.ts) when esbuild is here, then
 * runs dist/host/<entry>.js on DATABASE_URL (or the local PGlite in .data/, with `npm start` stopped).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [entry, ...args] = process.argv.slice(2)
const built = join(root, `dist/host/${entry}.js`)
if (existsSync(join(root, 'node_modules/esbuild'))) await (await import('./build.mjs')).buildHost()
else if (!existsSync(built)) {
  console.error(`dist/host/${entry}.js is missing: run \`npm run build\` first`)
  process.exit(1)
}
const run = spawnSync(process.execPath, ['--enable-source-maps', built, ...args], { cwd: root, stdio: 'inherit' })
process.exit(run.status ?? 1)
