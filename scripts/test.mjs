#!/usr/bin/env node
/**
 * `npm test`: unit and function tests (PGlite, and again on the PostgreSQL server when
 * DATABASE_URL is set, and a subset through PgBouncer when DATABASE_POOLER_URL is), then production builds, WeChat's checks on dist/weapp, and the end-to-end
 * and crash tests against the built host in Chromium.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFunctions, buildHost, buildTaro } from './build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const totals = { passed: 0, failed: 0, skipped: 0 }
const LINTED = ['src', 'cloudfunctions', 'tests', 'scripts', 'config']
mkdirSync(join(root, '.cache'), { recursive: true })

const jestArgs = (report, paths, extra = []) => [join(root, 'node_modules/jest/bin/jest.js'), '--forceExit', '--json', '--outputFile', report, ...extra, ...paths]
const jestEnv = (env) => ({ ...process.env, NODE_OPTIONS: '--experimental-vm-modules --no-warnings', ...env })

/** Adds a run's report to the totals; a run without one counts as a failure. */
function count(report) {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    totals.passed += json.numPassedTests
    totals.failed += json.numFailedTests
    totals.skipped += json.numPendingTests
  } catch {
    totals.failed += 1
  }
}

function jest(label, paths, env = {}, extra = []) {
  console.log(`\n=== ${label} ===`)
  const report = join(root, '.cache/jest.json')
  const result = spawnSync(process.execPath, jestArgs(report, paths, extra), { cwd: root, stdio: 'inherit', env: jestEnv(env) })
  count(report)
  if (result.status !== 0) finish(1)
}

/**
 * Two suites at once (the PGlite one is in-process work, the server one mostly waits on PostgreSQL,
 * so on 2 cores they overlap well): the first prints as it runs, the second's output is held and
 * printed after it, so the log reads as one suite after the other.
 */
async function jestTogether([label, paths, env], [laterLabel, laterPaths, laterEnv]) {
  const laterReport = join(root, '.cache/jest-later.json')
  let held = ''
  const later = spawn(process.execPath, jestArgs(laterReport, laterPaths), { cwd: root, env: jestEnv(laterEnv) })
  later.stdout.on('data', (chunk) => (held += chunk))
  later.stderr.on('data', (chunk) => (held += chunk))
  const laterDone = new Promise((resolve) => later.on('close', resolve))
  console.log(`\n=== ${label} (with “${laterLabel}” beside it) ===`)
  const report = join(root, '.cache/jest.json')
  const first = await new Promise((resolve) => spawn(process.execPath, jestArgs(report, paths), { cwd: root, stdio: 'inherit', env: jestEnv(env) }).on('close', resolve))
  count(report)
  const laterStatus = await laterDone
  console.log(`\n=== ${laterLabel} ===`)
  process.stdout.write(held)
  count(laterReport)
  if (first !== 0 || laterStatus !== 0) finish(1)
}

function finish(code) {
  console.log(`\ntest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(code)
}

console.log('=== typecheck (tsc) ===')
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { stdio: 'inherit' })
if (tsc.status !== 0) finish(1)

console.log('\n=== lint (eslint: TypeScript recommended, rules of hooks) ===')
const lint = spawnSync(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', ...LINTED], { cwd: root, stdio: 'inherit' })
if (lint.status !== 0) finish(1)

const { DATABASE_URL } = process.env
const onPglite = ['unit and function tests on PGlite', ['tests/unit', 'tests/functions'], { DATABASE_URL: '' }]
if (DATABASE_URL) await jestTogether(onPglite, ['function tests on the PostgreSQL server (DATABASE_URL)', ['tests/functions'], { DATABASE_URL }])
else {
  jest(...onPglite)
  console.log('\nDATABASE_URL is not set: function tests ran on PGlite only.')
}
// Through PgBouncer in transaction mode (.ci/run starts one): the files with transactions, locks, jobs and
// races; POOLED_TESTS=all runs every function test there (about 3 minutes on 2 busy cores). Resources' 50
// bookings at once queue behind a pool of 5 there and once outran their time on a loaded machine: they run in
// the full pooled run, not in CI's subset.
const POOLED_SUBSET = ['db', 'unit-of-work', 'jobs', 'outbox', 'migrations', 'account', 'operator', 'checkin', 'votes', 'wechat-openapi', 'signin'].map((name) => `tests/functions/${name}.test.ts`)
const { DATABASE_POOLER_URL } = process.env
if (DATABASE_POOLER_URL) {
  const paths = process.env.POOLED_TESTS === 'all' ? ['tests/functions'] : POOLED_SUBSET
  const started = Date.now()
  jest('function tests through PgBouncer, transaction mode (DATABASE_POOLER_URL)', paths, { DATABASE_URL: DATABASE_POOLER_URL, DATABASE_POOLED: '1' })
  console.log(`[test] through PgBouncer in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

console.log('\n=== production builds (weapp, h5, cloud functions, host) ===')
await Promise.all([buildTaro('weapp'), buildTaro('h5')])
await buildFunctions()
await buildHost()
jest('compiled mini-program checks', ['tests/weapp'])

if (!existsSync(chromium)) {
  console.error(`\nChromium is missing at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH), then run npm test again.`)
  finish(1)
}
// Two files at a time: each waits on its own host and browser much of the time.
jest('end-to-end (Chromium) and crash safety', ['tests/e2e'], {}, ['--maxWorkers=2'])
finish(totals.failed ? 1 : 0)
