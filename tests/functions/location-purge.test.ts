/** Raw location fixes are kept 90 days for review, then purged by the checkin function's job; the judgement stays. */
import { definition, main as checkin } from '../../cloudfunctions/checkin'
import { runJob } from '../../cloudfunctions/core/jobs'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`checkin.purgeRawLocations on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime('2026-08-01T02:00:00Z')
  })
  afterEach(() => rt.close())

  const stored = () => rt.db.query('SELECT lat, lng, accuracy, location_status AS status, distance_m AS "distanceM" FROM checkins ORDER BY id')

  it('keeps a fix for 90 days, then clears its coordinates and keeps the status and distance', async () => {
    const [site] = await rt.db.query<{ lat: number; lng: number }>("SELECT lat, lng FROM sites WHERE id = 'F01'")
    await caller(checkin, 'resident-a')('scan', { scene: 's=F01', location: { lat: site.lat, lng: site.lng + 0.0005, accuracy: 20 } })
    rt.clock.set('2026-08-10T02:00:00Z')
    await caller(checkin, 'resident-b')('scan', { scene: 's=F01', location: { lat: site.lat, lng: site.lng, accuracy: 15 } })
    const [first, second] = await stored()
    expect(first).toMatchObject({ accuracy: 20, status: 'verified' })

    rt.clock.set('2026-10-30T01:59:00Z') // 89 days and 23:59 after the first
    expect(await runJob(definition, 'purgeRawLocations', rt)).toEqual({ job: 'purgeRawLocations', done: 0 })

    rt.clock.set('2026-10-30T02:01:00Z') // just past 90 days
    expect(await runJob(definition, 'purgeRawLocations', rt)).toEqual({ job: 'purgeRawLocations', done: 1 })
    expect(await stored()).toEqual([{ lat: null, lng: null, accuracy: null, status: 'verified', distanceM: first.distanceM }, second])
    expect(await runJob(definition, 'purgeRawLocations', rt)).toEqual({ job: 'purgeRawLocations', done: 0 })

    const mine = await caller(checkin, 'resident-a')('mine', {})
    expect(mine.data.items[0]).toMatchObject({ siteId: 'F01', locationStatus: 'verified', distanceM: first.distanceM })
  })
})
