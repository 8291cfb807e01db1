#!/usr/bin/env node
/**
 * `npm run test:dates`: the function and end-to-end suites with the machine's clock moved (Debian's
 * `faketime`) to the days of a month where 月月说事 and the calendar change — the 1st, the 20th
 * (last day of proposals), the 21st (voting opens), the 25th (voting closes), the last day of a
 * month, and New Year's Eve crossing into 1 January — to show that no test depends on today's date.
 * Too slow for every CI run (one full run per date); run it when time-related code changes.
 *
 *   node scripts/date-matrix.mjs                       # every date, function + e2e suites
 *   node scripts/date-matrix.mjs --dates 2027-01-31T10:00:00+08:00 --suites functions
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Instants in Asia/Shanghai; the last starts a minute before midnight, so the run crosses into the new year. */
export const MATRIX_DATES = [
  '2027-03-01T09:00:00+08:00',
  '2027-03-20T22:00:00+08:00',
  '2027-03-21T09:00:00+08:00',
  '2027-03-25T12:00:00+08:00',
  '2027-02-28T18:00:00+08:00',
  '2026-12-31T23:59:00+08:00',
]
const SUITES = { functions: ['tests/unit', 'tests/functions'], e2e: ['tests/e2e'] }

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? process.argv[at + 1].split(',') : fallback
}

const faketime = spawnSync('sh', ['-c', 'command -v faketime'], { encoding: 'utf8' }).stdout.trim()
if (!faketime) {
  console.error('faketime is missing: install it with `apt-get install -y faketime`, then run this again.')
  process.exit(1)
}
const dates = option('dates', MATRIX_DATES)
const suites = option('suites', Object.keys(SUITES))
if (suites.includes('e2e') && !existsSync(join(root, 'dist/host/main.js'))) {
  console.error('The e2e suite needs the builds: run `npm run build` first.')
  process.exit(1)
}

const failed = []
for (const date of dates) {
  // An offset from the real clock, not libfaketime's "@" start: jest and the hosts it starts read
  // the same moved time, and the clock runs on, so the last date crosses midnight into the new
  // year. Monotonic time stays real so timers behave. Chromium is launched without libfaketime
  // (tests/support/browser.ts; under it Chromium stalls): the pages take their dates from the host.
  for (const suite of suites) {
    const offset = Math.round((new Date(date).getTime() - Date.now()) / 1000)
    console.log(`\n=== ${suite} with the clock at ${date} ===`)
    const run = spawnSync(faketime, ['-f', `${offset >= 0 ? '+' : ''}${offset}`, process.execPath, join(root, 'node_modules/jest/bin/jest.js'), '--forceExit', ...SUITES[suite]], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1', DATABASE_URL: '', NODE_OPTIONS: '--experimental-vm-modules --no-warnings' },
    })
    if (run.status !== 0) failed.push(`${suite} at ${date}`)
  }
}
console.log(failed.length ? `\ndate matrix: failed ${failed.join('; ')}` : `\ndate matrix: every suite passed at ${dates.length} dates`)
process.exit(failed.length ? 1 : 0)
