/** SIGKILL the host while check-ins are being written; after a restart on the same data, every acknowledged one is there. */
import { hostCaller, startHost } from '../support/host'

describe('crash safety (PGlite data folder)', () => {
  it('keeps every acknowledged check-in across a SIGKILL and restart', async () => {
    const host = await startHost()
    const sites = ['C01', 'F01', 'F02', 'G04', 'W01']
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => hostCaller(host.url, { guest: `crash${i}` })))
    const acknowledged: { person: number; id: number }[] = []
    let stop = false
    const writers = people.map(async (call, person) => {
      for (let round = 0; !stop; round++) {
        try {
          const result = await call('checkin', 'scan', { scene: `s=${sites[round % sites.length]}` })
          if (result.ok) acknowledged.push({ person, id: result.data.id })
          if (round >= sites.length) await new Promise((r) => setTimeout(r, 5))
        } catch {
          return // the host is gone
        }
      }
    })
    await new Promise((r) => setTimeout(r, 1500))
    await host.stop('SIGKILL')
    stop = true
    await Promise.all(writers)
    expect(acknowledged.length).toBeGreaterThan(20)

    const again = await startHost(host.dataDir)
    try {
      const seen = new Set<number>()
      for (const [person] of people.entries()) {
        const call = await hostCaller(again.url, { guest: `crash${person}` })
        const mine = await call('checkin', 'mine', { limit: 100 })
        for (const record of mine.data) seen.add(record.id)
      }
      const lost = acknowledged.filter((a) => !seen.has(a.id))
      expect(lost).toEqual([])
    } finally {
      await again.stop()
    }
  })
})
