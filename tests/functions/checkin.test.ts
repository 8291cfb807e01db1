import { main as checkin } from '../../cloudfunctions/checkin'
import { main as sites } from '../../cloudfunctions/sites'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`checkin on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  const count = async () => (await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkins'))[0].n

  it('checks a resident in at a site by its scene and lists it under mine', async () => {
    const call = caller(checkin, 'resident-a')
    const [site] = await rt.db.query<{ lat: number; lng: number }>("SELECT lat, lng FROM sites WHERE id = 'F01'")
    const result = await call('scan', { scene: 's%3DF01', location: { lat: site.lat, lng: site.lng + 0.0005, accuracy: 20 } })
    expect(result.ok).toBe(true)
    expect(result.data).toMatchObject({ siteId: 'F01', siteName: '区图书馆', day: '2026-11-20', locationStatus: 'verified' })
    expect(result.data.distanceM).toBeLessThan(120)
    const mine = await call('mine', {})
    expect(mine.data).toEqual({ items: [expect.objectContaining({ siteId: 'F01' })], next: null })
  })

  it('records a person who declines location as unverified, and one far away as pending review', async () => {
    const near = await caller(checkin, 'resident-b')('scan', { scene: 's=F02' })
    expect(near.data.locationStatus).toBe('unverified')
    const far = await caller(checkin, 'resident-c')('scan', { scene: 's=F02', location: { lat: 39.9, lng: 116.4, accuracy: 10 } })
    expect(far.data.locationStatus).toBe('pending')
    const [site] = await rt.db.query("SELECT lat, lng FROM sites WHERE id = 'F02'")
    const vague = await caller(checkin, 'resident-d')('scan', { scene: 's=F02', location: { lat: site.lat, lng: site.lng, accuracy: 900 } })
    expect(vague.data.locationStatus).toBe('pending')
  })

  it('answers a second scan the same Shanghai day with duplicate and the first record, and a new day checks in again', async () => {
    const call = caller(checkin, 'resident-e')
    const first = await call('scan', { scene: 's=C01' })
    rt.clock.set('2026-11-20T15:59:00Z') // 23:59 in Shanghai, same day
    const again = await call('scan', { scene: 's=C01' })
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate', message: '今天已签到' } })
    expect(again.error.data).toMatchObject({ id: first.data.id, at: first.data.at })
    rt.clock.set('2026-11-20T16:01:00Z') // 00:01 on the 21st in Shanghai
    const nextDay = await call('scan', { scene: 's=C01' })
    expect(nextDay.data.day).toBe('2026-11-21')
    expect(await count()).toBe(2)
  })

  it('refuses unknown and malformed scenes without writing anything', async () => {
    const call = caller(checkin, 'resident-f')
    const cases: [unknown, string][] = [
      [{ scene: 's=NOPE99' }, 'not_found'],
      [{ scene: 'x=F01' }, 'invalid_input'],
      [{ scene: '%E0%A4%A' }, 'invalid_input'],
      [{ scene: `s=${'A'.repeat(40)}` }, 'invalid_input'],
      [{ scene: 's=F01', location: { lat: 200, lng: 0, accuracy: 5 } }, 'invalid_input'],
      [{ scene: 42 }, 'invalid_input'],
      [undefined, 'invalid_input'],
    ]
    for (const [data, code] of cases) {
      const result = await call('scan', data)
      expect(result.ok).toBe(false)
      expect(result.error.code).toBe(code)
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(JSON.stringify(result)).not.toMatch(/SELECT|INSERT|at .*\.ts/)
    }
    expect(await count()).toBe(0)
  })

  it('turns 50 concurrent identical check-ins into one row and 49 duplicates carrying it', async () => {
    const call = caller(checkin, 'resident-g')
    const results = await Promise.all(Array.from({ length: 50 }, () => call('scan', { scene: 's=G04' })))
    const created = results.filter((r) => r.ok)
    const duplicates = results.filter((r) => !r.ok && r.error.code === 'duplicate')
    expect(created).toHaveLength(1)
    expect(duplicates).toHaveLength(49)
    for (const d of duplicates) expect(d.error.data.id).toBe(created[0].data.id)
    expect(await count()).toBe(1)
  })

  it('shows today\'s activities on the site page in Shanghai time', async () => {
    const page = await caller(sites, 'resident-h')('get', { siteId: 'F01' })
    expect(page.ok).toBe(true)
    expect(page.data.todayActivities.map((a: any) => a.title)).toEqual(['书香政协·民生圆桌会'])
    expect(page.data.scene).toBe('s=F01')
  })
})
