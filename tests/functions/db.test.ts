import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`the db port on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
    await rt.db.exec(`CREATE TABLE probe (id bigserial PRIMARY KEY, label text UNIQUE NOT NULL, day date,
      at timestamptz, detail jsonb, flag boolean, amount int8)`)
  })
  afterAll(() => rt.close())

  const insert = `INSERT INTO probe (label, day, at, detail, flag, amount) VALUES ($1, $2, $3, $4, $5, $6)
    RETURNING id, label, day, at, detail, flag, amount`

  it('takes and returns the same values on both databases', async () => {
    const at = new Date('2026-11-21T16:30:00.123Z')
    const [row] = await rt.db.query(insert, ['一', '2026-11-22', at, { 议题: '停车难', votes: [1, 2] }, true, 9_007_199_254])
    expect(row).toEqual({ id: 1, label: '一', day: '2026-11-22', at, detail: { 议题: '停车难', votes: [1, 2] }, flag: true, amount: 9_007_199_254 })
    const [empty] = await rt.db.query(insert, ['二', null, undefined, null, false, 0])
    expect(empty).toMatchObject({ day: null, at: null, detail: null, flag: false, amount: 0 })
    expect(await rt.db.query('SELECT label FROM probe WHERE id > $1 ORDER BY id', [1])).toEqual([{ label: '二' }])
  })

  it('stays usable after statements fail, and runs the same text again', async () => {
    await expect(rt.db.query(insert, ['一', null, null, null, null, null])).rejects.toThrow(/duplicate key/)
    await expect(rt.db.query('SELEC label FROM probe')).rejects.toThrow(/syntax error/)
    await expect(rt.db.query('SELEC label FROM probe')).rejects.toThrow(/syntax error/)
    const [row] = await rt.db.query(insert, ['三', null, null, null, null, 3])
    expect(row).toMatchObject({ label: '三', amount: 3 })
  })

  it('lands all of a transaction or none of it, while other callers keep working', async () => {
    const before = await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probe')
    const failing = rt.db.transaction(async (tx) => {
      await tx.query(insert, ['四', null, null, null, null, null])
      await tx.query(insert, ['一', null, null, null, null, null])
    })
    const outside = rt.db.query(insert, ['五', null, null, null, null, null])
    await expect(failing).rejects.toThrow(/duplicate key/)
    await outside
    const labels = (await rt.db.query('SELECT label FROM probe ORDER BY id')).map((row) => row.label)
    expect(labels).toEqual(['一', '二', '三', '五'])
    expect(before[0].n).toBe(3)
    const swallowed = rt.db.transaction(async (tx) => {
      await tx.query(insert, ['七', null, null, null, null, null])
      await tx.query(insert, ['一', null, null, null, null, null]).catch(() => undefined)
    })
    await expect(swallowed).rejects.toThrow('the transaction was rolled back')
    expect(await rt.db.query("SELECT label FROM probe WHERE label = '七'")).toEqual([])
    const committed = await rt.db.transaction(async (tx) => (await tx.query(insert, ['六', null, null, null, null, 6]))[0])
    expect(committed).toMatchObject({ label: '六', amount: 6 })
  })

  it('answers each of many concurrent statements on its own, failures included', async () => {
    const labels = Array.from({ length: 40 }, (_, i) => (i % 10 === 9 ? '一' : `并发${i}`))
    const bad = 'SELECT nope FROM probe WHERE id = $1'
    const results = await Promise.allSettled([
      ...labels.map((label, i) => rt.db.query(insert, [label, null, null, null, null, i])),
      rt.db.query(bad, [1]),
      rt.db.query(bad, [2]),
    ])
    const failed = results.map((r, i) => (r.status === 'rejected' ? i : -1)).filter((i) => i >= 0)
    expect(failed).toEqual([9, 19, 29, 39, 40, 41])
    for (const i of [9, 40, 41]) {
      expect((results[i] as PromiseRejectedResult).reason.message).toMatch(i < 40 ? /duplicate key/ : /column "nope" does not exist/)
    }
    expect((results[1] as PromiseFulfilledResult<any[]>).value[0]).toMatchObject({ label: '并发1', amount: 1 })
    expect((await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM probe WHERE label LIKE '并发%'"))[0].n).toBe(36)
  })

  it('encodes parameters as node-postgres does: arrays for = ANY and int[], Buffers as bytea', async () => {
    await rt.db.exec('CREATE TABLE probe_arrays (id serial PRIMARY KEY, ids int[] NOT NULL, tags text[] NOT NULL, blob bytea)')
    const blob = Buffer.from([0, 1, 2, 255, 0x5c])
    const [row] = await rt.db.query<{ ids: number[]; tags: (string | null)[]; blob: Buffer }>('INSERT INTO probe_arrays (ids, tags, blob) VALUES ($1, $2, $3) RETURNING ids, tags, blob', [
      [3, 1, 2],
      ['停车难', 'a,b', 'with "quotes"', null],
      blob,
    ])
    expect(row.ids).toEqual([3, 1, 2])
    expect(row.tags).toEqual(['停车难', 'a,b', 'with "quotes"', null])
    expect(Buffer.compare(row.blob, blob)).toBe(0)
    const ids = (await rt.db.query<{ id: number }>("SELECT id FROM probe WHERE label IN ('一', '三') ORDER BY id")).map((r) => r.id)
    const labels = await rt.db.query('SELECT label FROM probe WHERE id = ANY($1) ORDER BY id', [ids])
    expect(labels).toEqual([{ label: '一' }, { label: '三' }])
    const named = await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probe WHERE label = ANY($1)', [['一', '二', '无']])
    expect(named).toEqual([{ n: 2 }])
  })

  it('fails only the statement whose parameter cannot be encoded', async () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const results = await Promise.allSettled([
      rt.db.query('SELECT $1::int AS n', [1]),
      rt.db.query('SELECT $1::jsonb AS j', [circular]),
      rt.db.query('SELECT $1::jsonb AS j', [{ big: 10n }]),
      rt.db.query('SELECT $1::int AS n', [2]),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    expect((results[3] as PromiseFulfilledResult<any>).value).toEqual([{ n: 2 }])
  })

  it('keeps working when the schema changes under its prepared statements', async () => {
    await rt.db.exec('CREATE TABLE probe_shape (id int PRIMARY KEY, a text)')
    await rt.db.query("INSERT INTO probe_shape VALUES (1, 'x')")
    const select = 'SELECT * FROM probe_shape'
    expect(await rt.db.query(select)).toEqual([{ id: 1, a: 'x' }])
    await rt.db.exec("ALTER TABLE probe_shape ADD COLUMN b text DEFAULT 'y'")
    expect(await rt.db.query(select)).toEqual([{ id: 1, a: 'x', b: 'y' }])
    await rt.db.query("ALTER TABLE probe_shape ADD COLUMN c text DEFAULT 'z'")
    expect(await rt.db.query(select)).toEqual([{ id: 1, a: 'x', b: 'y', c: 'z' }])
  })
})
