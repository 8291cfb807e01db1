/**
 * The sender killed halfway through a 10,000-person notice: SIGKILL the host while its outbox drain
 * is delivering, restart it on the same data folder, let the drain finish (after the claim lease),
 * and every person has the notice exactly once, in-app and, where authorised, as one message that
 * spent exactly one of their two authorisations.
 */
import { join } from 'node:path'
import { openPglite } from '../../cloudfunctions/core/db'
import { seedCrowd } from '../support/notices'
import { hostCaller, newDataDir, startHost } from '../support/host'

const CROWD = 10_000
const T0 = Date.parse('2026-12-03T02:00:00Z')
// The host starts at T0 (seeded and its jobs scheduled then), not today: after T0 a host started
// today would schedule its drain past the test's clock, which would never reach it.
const env = { DEV_CLOCK: '1', DEV_CLOCK_AT: new Date(T0).toISOString(), JOBS_INTERVAL_MS: '0' }
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

describe('notices across a crash (PGlite data folder)', () => {
  it('delivers a 10,000-person notice exactly once across a SIGKILL mid-drain and a restart', async () => {
    const dataDir = newDataDir()
    await (await startHost(dataDir, env)).stop() // migrated and seeded
    let db = await openPglite(join(dataDir, 'pglite'))
    const authorised = await seedCrowd(db, CROWD, 'F03', 3, new Date(T0))
    await db.close()

    const host = await startHost(dataDir, env)
    const setClock = (when: string) => fetch(`${host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ at: when }) })
    await setClock(at(0))
    const staff = await hostCaller(host.url, { persona: 'staff' })
    const published = await staff('notices', 'publish', {
      title: '运河文化博物馆周六开放日',
      body: '本周六 9:00—16:00 开放日，欢迎关注本馆的居民参观并参加大运河文化传承座谈。',
      audience: [{ kind: 'sites', siteIds: ['F03'] }],
    })
    expect(published.data).toMatchObject({ status: 'published', audienceSize: CROWD })
    const noticeId = published.data.id

    // The drain runs inside this request; kill the host once some, not all, have been delivered.
    setClock(at(2)).catch(() => undefined)
    let delivered = 0
    for (;;) {
      const sent = await staff('notices', 'sent', { limit: 1 })
      delivered = sent.data.items[0].delivered
      if (delivered >= CROWD / 4) break
    }
    await host.stop('SIGKILL')
    console.log(`[notices-crash] killed with ${delivered} of ${CROWD} in-app notices delivered`)
    expect(delivered).toBeLessThan(CROWD)

    const again = await startHost(dataDir, env)
    const resume = await fetch(`${again.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ at: at(10) }) })
    expect(resume.status).toBe(200)
    await again.stop()

    db = await openPglite(join(dataDir, 'pglite'))
    try {
      const [inapp] = await db.query(
        'SELECT count(*)::int AS rows, count(DISTINCT user_id)::int AS people FROM notifications WHERE notice_id = $1',
        [noticeId],
      )
      expect(inapp).toEqual({ rows: CROWD, people: CROWD })
      const [messages] = await db.query(
        `SELECT count(*)::int AS rows, count(DISTINCT to_openid)::int AS people FROM platform_messages WHERE dedupe_key LIKE $1`,
        [`notice:${noticeId}:%`],
      )
      expect(messages).toEqual({ rows: authorised, people: authorised })
      const [grants] = await db.query(
        `SELECT count(*) FILTER (WHERE used_for IS NOT NULL)::int AS spent, count(DISTINCT used_for)::int AS keys, count(*)::int AS total
         FROM subscription_grants`,
      )
      expect(grants).toEqual({ spent: authorised, keys: authorised, total: 2 * authorised })
      const unfinished = await db.query(`SELECT status, count(*)::int AS n FROM outbox WHERE status <> 'sent' GROUP BY status`)
      expect(unfinished).toEqual([])
    } finally {
      await db.close()
    }
  }, 180_000) // 10,000 deliveries, a kill and a restart: on a busy machine this takes over a minute; speed is the bench's
})
