/** Keyset pages: every list answers { items, next }; walking the cursor sees each row once; forged cursors are refused. */
import { main as admin } from '../../cloudfunctions/admin'
import { main as checkin } from '../../cloudfunctions/checkin'
import { main as sites } from '../../cloudfunctions/sites'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

async function walk(call: (action: string, data?: unknown) => Promise<any>, action: string, data: object) {
  const seen: any[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 100; pages++) {
    const page = await call(action, { ...data, cursor })
    expect(page.ok).toBe(true)
    seen.push(...page.data.items)
    if (!page.data.next) return seen
    cursor = page.data.next
  }
  throw new Error('the cursor never ended')
}

describe(`lists a page at a time on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
  })
  afterAll(() => rt.close())

  it('walks the whole directory in pages, each site once, in order', async () => {
    const call = caller(sites, 'pager')
    const all = await walk(call, 'list', { limit: 7 })
    const expected = await rt.db.query<{ id: string }>('SELECT id FROM sites ORDER BY sort, id')
    expect(all.map((site) => site.id)).toEqual(expected.map((row) => row.id))
    const first = await call('list', {})
    expect(first.data.items).toHaveLength(20)
    expect(Object.keys(first.data.items[0]).sort()).toEqual(['address', 'category', 'id', 'kind', 'name', 'sector'])
    const flow = await walk(call, 'list', { kind: 'alliance', category: 'flow', limit: 5 })
    expect(flow).toHaveLength(14)
  })

  it('keeps check-ins made in the same millisecond apart, newest first', async () => {
    const person = caller(checkin, 'pager-checkins')
    for (const site of ['C01', 'F01', 'F02', 'F03', 'F04']) expect((await person('scan', { scene: `s=${site}` })).ok).toBe(true)
    const all = await walk(person, 'mine', { limit: 2 })
    expect(all.map((record) => record.siteId)).toEqual(['F04', 'F03', 'F02', 'F01', 'C01'])
  })

  it('refuses forged cursors and oversized pages as invalid_input', async () => {
    const call = caller(sites, 'pager')
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    for (const cursor of ['!!!', forge(['x']), forge([1, 2]), forge(['abc', 'F01']), forge({ a: 1 }), 'e30', forge(['1', 'F\u0000'])]) {
      const answer = await call('list', { cursor })
      expect(answer.error?.code).toBe('invalid_input')
    }
    expect((await call('list', { limit: 101 })).error.code).toBe('invalid_input')
    expect((await caller(admin, 'demo-staff')('listProfiles', { limit: 0 })).error.code).toBe('invalid_input')
  })

  it('audits who listed the profiles, whose live codes the list shows', async () => {
    const listed = await caller(admin, 'demo-staff')('listProfiles', { limit: 2 })
    expect(listed.data.items).toHaveLength(2)
    const [row] = await rt.db.query("SELECT target, detail FROM audit_log WHERE fn = 'admin' AND action = 'listProfiles'")
    expect(row).toEqual({ target: 'profiles', detail: { shown: listed.data.items.map((p: any) => p.id) } })
  })
})
