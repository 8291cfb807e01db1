/**
 * The kernel's figures for `npm run bench`, each against a baseline in the same run:
 *  - the outbox drain job over 10,000 due subscription messages into the local platform (rows/s),
 *    and a second run that finds nothing to do and changes no row;
 *  - `ctx.transaction` with four writes against the same four statements without it.
 */
import { join } from 'node:path'
import { fixedClock } from '../../cloudfunctions/core/clock'
import { openDb, type Db } from '../../cloudfunctions/core/db'
import { runJob } from '../../cloudfunctions/core/jobs'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { transactionOf } from '../../cloudfunctions/core/scope'
import { definition as notices } from '../../cloudfunctions/notices'
import { newDataDir } from '../support/host'

const OUTBOX_ROWS = 10_000
const TX_ROUNDS = 2_000

async function openBenchDb(url: string | undefined): Promise<Db> {
  const db = await openDb(url, join(newDataDir(), 'pglite'))
  await migrate(db)
  return db
}

const fingerprint = async (db: Db) =>
  (
    await db.query(`SELECT (SELECT md5(string_agg(o::text, ',' ORDER BY id)) FROM outbox o) AS outbox,
      (SELECT md5(string_agg(m::text, ',' ORDER BY id)) FROM platform_messages m) AS messages`)
  )[0]

async function outboxDrain(db: Db, label: string) {
  const clock = fixedClock('2026-11-20T02:00:00Z')
  await db.query("INSERT INTO users (openid) SELECT 'outbox-' || g FROM generate_series(1, $1::int) g", [OUTBOX_ROWS])
  await db.query(
    `INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
     SELECT 'subscribe', u.id, jsonb_build_object('templateId', 'tpl-notice', 'page', 'pages/mine/index',
       'data', jsonb_build_object('thing1', jsonb_build_object('value', '本月议题征集开始'))), 'bench:' || u.id, $1, $1
     FROM users u WHERE u.openid LIKE 'outbox-%'`,
    [clock.now()],
  )
  const runtime = { db, platform: localPlatform(db, 'http://localhost:8080'), clock }
  const started = performance.now()
  const first = await runJob(notices, 'drainOutbox', runtime)
  const seconds = (performance.now() - started) / 1000
  const before = await fingerprint(db)
  const again = performance.now()
  const second = await runJob(notices, 'drainOutbox', runtime)
  const secondMs = performance.now() - again
  const unchanged = JSON.stringify(before) === JSON.stringify(await fingerprint(db))
  const [{ delivered }] = await db.query<{ delivered: number }>('SELECT count(*)::int AS delivered FROM platform_messages')
  console.log(`\n## Outbox drain (${label}, ${OUTBOX_ROWS} due subscription messages into the local platform)`)
  console.log(`first run: ${first.done} sent in ${seconds.toFixed(2)} s = ${(first.done / seconds).toFixed(0)} rows/s; ${delivered} messages recorded by the platform`)
  console.log(`second run: ${second.done} sent in ${secondMs.toFixed(1)} ms; outbox and platform log ${unchanged ? 'unchanged' : 'CHANGED'} (only its job_runs row is written)`)
  return first.done === OUTBOX_ROWS && delivered === OUTBOX_ROWS && second.done === 0 && unchanged ? 0 : 1
}

async function transactionCost(db: Db, label: string) {
  await db.exec('CREATE TABLE bench_tx (id bigserial PRIMARY KEY, round int NOT NULL, step int NOT NULL)')
  const insert = 'INSERT INTO bench_tx (round, step) VALUES ($1, $2)'
  const transaction = transactionOf(db, new Date(), { userId: null, fn: 'bench', action: 'tx' })
  const plain = async (round: number) => {
    for (let step = 0; step < 4; step++) await db.query(insert, [round, step])
  }
  const wrapped = (round: number) =>
    transaction(async (tx) => {
      for (let step = 0; step < 4; step++) await tx.db.query(insert, [round, step])
    })
  const time = async (fn: (round: number) => Promise<void>) => {
    const started = performance.now()
    for (let round = 0; round < TX_ROUNDS; round++) await fn(round)
    return (performance.now() - started) / TX_ROUNDS
  }
  await time(plain)
  await time(wrapped)
  const plainMs = await time(plain)
  const txMs = await time(wrapped)
  console.log(`\n## Unit of work (${label}, ${TX_ROUNDS} rounds of four single-row INSERTs, warm)`)
  console.log(`four statements without a transaction: ${(plainMs * 1000).toFixed(0)} µs a round (baseline)`)
  console.log(`the same four in ctx.transaction: ${(txMs * 1000).toFixed(0)} µs a round = ${((txMs / plainMs) * 100).toFixed(0)}% of the baseline`)
}

/** Both kernel figures on one database; answers 1 when the drain misbehaved. */
export async function kernelFigures(label: string, url?: string): Promise<number> {
  const db = await openBenchDb(url)
  try {
    const failed = await outboxDrain(db, label)
    await transactionCost(db, label)
    return failed
  } finally {
    await db.close()
  }
}
