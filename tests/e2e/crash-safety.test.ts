/**
 * SIGKILL the host while new people are still checking in; after a restart on the same data folder
 * every check-in the host acknowledged is there. Writes keep arriving up to the kill: each writer
 * signs in a new person for every check-in, so no answer is a cheap duplicate.
 */
import { join } from 'node:path'
import { openPglite } from '../../cloudfunctions/core/db'
import { hostCaller, startHost } from '../support/host'

describe('crash safety (PGlite data folder)', () => {
  it('keeps every acknowledged check-in across a SIGKILL that lands mid-write, and restarts', async () => {
    const host = await startHost()
    const acknowledged: { id: number; at: number }[] = []
    let next = 0
    let killed = false
    const writers = Array.from({ length: 16 }, async () => {
      while (!killed) {
        try {
          const call = await hostCaller(host.url, { guest: `crash${next++}` })
          const result = await call('checkin', 'scan', { scene: 's=F01' })
          if (result.ok) acknowledged.push({ id: result.data.id, at: Date.now() })
        } catch {
          return // the host is gone
        }
      }
    })
    // Kill right after the 60th acknowledgement, whatever the machine's speed: writes are still arriving.
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 5))
    const killedAt = Date.now()
    await host.stop('SIGKILL')
    killed = true
    await Promise.all(writers)
    const lastMs = acknowledged.filter((write) => write.at > killedAt - 100).length
    console.log(`[crash] ${acknowledged.length} check-ins acknowledged before SIGKILL, ${lastMs} of them in its last 100 ms`)
    expect(acknowledged.length).toBeGreaterThan(50)
    expect(lastMs).toBeGreaterThan(0)

    const again = await startHost(host.dataDir)
    const call = await hostCaller(again.url, { guest: 'after-crash' })
    expect((await call('checkin', 'scan', { scene: 's=F02' })).ok).toBe(true)
    await again.stop()
    const db = await openPglite(join(host.dataDir, 'pglite'))
    try {
      const ids = acknowledged.map((write) => write.id)
      const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkins WHERE id = ANY($1)', [ids])
      expect(n).toBe(ids.length)
    } finally {
      await db.close()
    }
  })
})
