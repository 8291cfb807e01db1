#!/usr/bin/env node
/**
 * `npm run bench`: builds the weapp, h5, functions and host, bundles tests/load/bench.ts and runs it.
 * `BENCH_ONLY=topics,feedback npm run bench` measures only those parts (see bench.ts), on the
 * builds already in dist/ when neither sizes nor the first page is asked for.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import { buildFunctions, buildHost, buildTaro, inlineMigrations } from './build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const only = process.env.BENCH_ONLY?.split(',')
if (!only || only.includes('sizes') || only.includes('first-page')) {
  await Promise.all([buildTaro('weapp'), buildTaro('h5')])
  await buildFunctions()
}
await buildHost()
const outfile = join(root, '.cache/bench.js')
await esbuild.build({
  entryPoints: [join(root, 'tests/load/bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  loader: { '.sql': 'text' },
  plugins: [inlineMigrations],
  define: { __dirname: JSON.stringify(join(root, 'tests/support')) },
  logLevel: 'warning',
})
const run = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit' })
process.exit(run.status ?? 1)
