/**
 * The retention job (等保 2.0: audit records kept at least six months): rows older than six months
 * by the job's clock move whole to audit_archive, younger ones stay; two runs at once move each row
 * once; lapsed sessions go.
 */
import { definition as admin } from '../../cloudfunctions/admin/index'
import { runJob } from '../../cloudfunctions/core/jobs'
import { openSession } from '../../cloudfunctions/core/sessions'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const NOW = '2026-11-20T02:00:00Z'

describe(`audit retention on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime(NOW)
  })
  afterAll(() => rt.close())

  it('archives audit rows past six months, whole and once, and keeps the rest', async () => {
    await rt.db.exec('DELETE FROM audit_log')
    const at = (iso: string, target: string) =>
      rt.db.query(`INSERT INTO audit_log (actor_user_id, fn, action, target, detail, at) VALUES (NULL, 'test', 'kept', $1, '{"n": 1}', $2)`, [target, iso])
    for (let i = 0; i < 30; i += 1) await at(`2026-0${1 + (i % 5)}-10T00:00:00Z`, `old-${i}`)
    await at('2026-05-19T00:00:00Z', 'just-past')
    await at('2026-05-21T00:00:00Z', 'just-inside')
    await at('2026-11-01T00:00:00Z', 'recent')
    const old = await rt.db.query(`SELECT id, actor_user_id, fn, action, target, detail, at FROM audit_log WHERE target <> 'just-inside' AND target <> 'recent' ORDER BY id`)
    const runs = await Promise.all([runJob(admin, 'retention', rt), runJob(admin, 'retention', rt)])
    expect(runs.map((run) => run.error)).toEqual([undefined, undefined])
    const archived = await rt.db.query(`SELECT id, actor_user_id, fn, action, target, detail, at FROM audit_archive ORDER BY id`)
    expect(archived).toEqual(old)
    const live = await rt.db.query<{ target: string }>('SELECT target FROM audit_log ORDER BY id')
    expect(live.map((row) => row.target)).toEqual(['just-inside', 'recent'])
    const [{ archived_at }] = await rt.db.query<{ archived_at: Date }>('SELECT archived_at FROM audit_archive LIMIT 1')
    expect(archived_at.toISOString()).toBe(new Date(NOW).toISOString())
  })

  it('deletes lapsed sessions and keeps live ones', async () => {
    const [{ id }] = await rt.db.query<{ id: number }>(`SELECT id FROM users WHERE openid = 'demo-resident'`)
    await openSession(rt.db, id, 'weapp', new Date('2026-09-01T00:00:00Z'))
    await openSession(rt.db, id, 'weapp', new Date('2026-11-19T00:00:00Z'))
    await runJob(admin, 'retention', rt)
    const left = await rt.db.query<{ created_at: Date }>('SELECT created_at FROM sessions WHERE user_id = $1', [id])
    expect(left.map((row) => row.created_at.toISOString())).toEqual(['2026-11-19T00:00:00.000Z'])
  })
})
