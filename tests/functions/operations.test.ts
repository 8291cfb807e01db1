/** Site operations (issue 21): the 六有 statuses derived on fixtures, profiles, evidence, badges, the overview and figures. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { main as operations } from '../../cloudfunctions/operations'
import { figures } from '../../cloudfunctions/operations/figures'
import { figures as checkinFigures } from '../../cloudfunctions/checkin/figures'
import { readFigure } from '../../cloudfunctions/core/figures'
import { recordUpload } from '../../cloudfunctions/core/uploads'
import {
  archiveParts, dimensionStatuses, evidenceDimensions, fileKinds, ID_LAST4, withinOpenHours, quarterBounds, quarterOf, previousQuarter, sixStatus,
  type EvidenceFacts, type HeldActivity, type QuarterFacts,
} from '../../src/domain/operations'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { quarterStatuses } from '../../cloudfunctions/operations/facts'
import { can } from '../../src/domain/operations/permissions'
import { heldActivity as held, photo } from '../support/operations'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const none: EvidenceFacts = { items: 0, outsideRadius: 0, lastAt: null }
const some = (at = '2026-10-05T02:00:00Z', outsideRadius = 0): EvidenceFacts => ({ items: 1, outsideRadius, lastAt: new Date(at) })
const heldOn = (day: string, parts: HeldActivity['parts'] = archiveParts): HeldActivity =>
  ({ activityId: Number(day.replace(/-/g, '')), endsAt: new Date(`${day}T04:00:00Z`), parts, archivedAt: parts.length ? new Date(`${day}T08:00:00Z`) : null })
const fixture = (extra: Partial<QuarterFacts> = {}): QuarterFacts => ({
  quarter: '2026-Q3',
  now: new Date('2026-11-20T02:00:00Z'),
  evidence: { venue: some(), sign: some(), rules: some() },
  held: [heldOn('2026-07-10'), heldOn('2026-09-12')],
  ...extra,
})
const statusOf = (facts: QuarterFacts) => Object.fromEntries(sixStatus(facts).map((r) => [r.dimension, [r.status, r.reason]]))

describe('the 六有 statuses derived from a quarter (pure)', () => {
  it('meets all but 有评价 with every proof, and dates each badge by its latest proof', () => {
    const results = sixStatus(fixture())
    expect(results.map((r) => [r.label, r.statusLabel])).toEqual([
      ['有场地', '达标'], ['有标识', '达标'], ['有制度', '达标'], ['有活动', '达标'], ['有档案', '达标'], ['有评价', '待补'],
    ])
    expect(results.find((r) => r.dimension === 'activities')?.verifiedAt).toEqual(new Date('2026-09-12T04:00:00Z'))
    expect(results.find((r) => r.dimension === 'evaluation')?.reason).toBe('年度考核评价尚未开展')
  })

  it('fails 有活动 and 有档案 for a past quarter without activities, and leaves them 待补 while the quarter runs', () => {
    expect(statusOf(fixture({ held: [] }))).toMatchObject({ activities: ['failed', '本季度未开展活动'], archive: ['failed', '本季度无活动，无活动档案'] })
    expect(statusOf(fixture({ quarter: '2026-Q4', held: [] }))).toMatchObject({ activities: ['pending', '本季度尚未开展活动'], archive: ['pending', '本季度尚无活动档案'] })
  })

  it('leaves 有档案 待补 while an activity lacks part of its archive, saying how many', () => {
    const facts = fixture({ held: [heldOn('2026-07-10'), heldOn('2026-08-10', ['plan', 'photo']), heldOn('2026-09-10', [])] })
    expect(statusOf(facts).archive).toEqual(['pending', '2 场活动的档案不完整（须有方案、签到、纪要和照片）'])
    expect(statusOf(facts).activities).toEqual(['met', ''])
  })

  it('asks for what is missing, and holds photos all taken outside the radius for a person to check', () => {
    const facts = fixture({ evidence: { venue: none, sign: some('2026-08-01T00:00:00Z', 1), rules: none } })
    expect(statusOf(facts)).toMatchObject({
      venue: ['pending', '尚未上传场地照片'], sign: ['pending', '照片拍摄位置不在阵地范围内，待工作人员核实'], rules: ['pending', '尚未上传制度文件'],
    })
    expect(statusOf(fixture({ evidence: { venue: { items: 2, outsideRadius: 1, lastAt: new Date() }, sign: some(), rules: some() } })).venue).toEqual(['met', ''])
  })

  it('reads a site\'s opening hours as the desk\'s shift, in Shanghai time', () => {
    expect(withinOpenHours('周一至周日 9:00—17:00', new Date('2026-11-20T01:00:00Z'))).toBe(true)
    expect(withinOpenHours('周一至周日 9:00—17:00', new Date('2026-11-20T00:59:00Z'))).toBe(false)
    expect(withinOpenHours('周一至周日 9:00—17:00', new Date('2026-11-20T09:00:00Z'))).toBe(false)
    expect(withinOpenHours('预约开放', new Date('2026-11-20T20:00:00Z'))).toBe(true)
  })

  it('lets a site admin run only their own site, staff every site, and no one review a site they run', () => {
    const admin = { grants: [{ role: 'resident' as const }, { role: 'site_admin' as const, siteId: 'F01' }] }
    const staff = { grants: [{ role: 'staff' as const }] }
    const staffAdmin = { grants: [{ role: 'staff' as const }, { role: 'site_admin' as const, siteId: 'W05' }] }
    for (const action of ['editProfile', 'editPlan', 'recordEvidence', 'viewEvidence', 'assist'] as const) {
      expect([action, can(admin, action, { id: 'F01' }), can(admin, action, { id: 'F02' }), can(staff, action, { id: 'F02' })]).toEqual([action, true, false, true])
    }
    expect([can(admin, 'visit', { id: 'F02' }), can(staff, 'visit', { id: 'W05' }), can(staffAdmin, 'visit', { id: 'W05' }), can(staffAdmin, 'visit', { id: 'W01' })]).toEqual([false, true, false, true])
    expect([can(admin, 'overview'), can(staff, 'overview')]).toEqual([false, true])
  })

  it('reckons quarters in Shanghai time', () => {
    expect(quarterOf(new Date('2026-09-30T16:30:00Z'))).toBe('2026-Q4')
    expect(quarterOf(new Date('2026-09-30T15:59:59Z'))).toBe('2026-Q3')
    expect(quarterBounds('2026-Q1')).toEqual({ start: new Date('2025-12-31T16:00:00Z'), end: new Date('2026-03-31T16:00:00Z') })
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4')
  })

  it('keeps the status and kind lists of the SQL equal to the domain\'s', () => {
    const sql = readFileSync(join(__dirname, '../../cloudfunctions/operations/migrations/030_operations.sql'), 'utf8')
    const listOf = (column: string) => [...(new RegExp(`${column} text[^\\n]*CHECK \\(${column} IN \\(([^)]*)\\)`).exec(sql)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1])
    expect(listOf('dimension')).toEqual([...evidenceDimensions, 'archive'])
    expect(listOf('file_kind')).toEqual([...fileKinds])
    expect(listOf('part')).toEqual([...archiveParts])
    const assist = readFileSync(join(__dirname, '../../cloudfunctions/checkin/migrations/031_checkin_assist.sql'), 'utf8')
    expect(assist).toContain(`CHECK (id_last4 ~ '${ID_LAST4.source}')`)
    // The statuses are derived, never stored: no column may hold one.
    expect(dimensionStatuses.some((status) => sql.includes(`'${status}'`))).toBe(false)
  })
})

describe(`operations on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  const as = (openid: string) => ({ operations: caller(operations, openid) })
  const count = async (table: string, where = 'true', params: unknown[] = []) => (await rt.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n
  /** F01 (区图书馆), the demo site admin's site: its position and radius. */
  const f01 = async () => (await rt.db.query<{ lat: number; lng: number; radius_m: number }>("SELECT lat, lng, radius_m FROM sites WHERE id = 'F01'"))[0]
  async function upload(openid: string, fileId: string) {
    await recordUpload(rt.db, openid, fileId, 1000, rt.clock.now())
  }
  const heldActivity = (site: string, endsAt: string, people = 1) => held(rt.db, site, endsAt, people)

  it('lets a site admin edit their own site\'s profile and staff any, refuses another site\'s, and shows it to anyone', async () => {
    const saved = await as('demo-site-admin').operations('saveProfile', {
      siteId: 'F01', founder: '李静', theme: '书香政协', sectors: ['文化艺术界', '教育界', '文化艺术界'], annualPlan: '每月一次民生圆桌会。',
    })
    expect(saved.data).toMatchObject({ siteId: 'F01', siteName: '区图书馆', founder: '李静', sectors: ['文化艺术界', '教育界'] })
    const other = await as('demo-site-admin').operations('saveProfile', { siteId: 'F02', founder: '某人' })
    expect(other.error).toEqual({ code: 'forbidden', message: '只能编辑本联盟点的阵地档案' })
    expect(await count('operation_profiles', "site_id = 'F02'")).toBe(0)
    expect((await as('demo-resident').operations('saveProfile', { siteId: 'F01' })).error.code).toBe('forbidden')
    expect((await as('demo-staff').operations('saveProfile', { siteId: 'F02', theme: '群众文化' })).ok).toBe(true)
    const read = await as('demo-resident').operations('profile', { siteId: 'F01' })
    expect(read.data).toMatchObject({ founder: '李静', theme: '书香政协', annualPlan: '每月一次民生圆桌会。' })
    expect((await as('demo-resident').operations('profile', { siteId: 'ZZ' })).error).toEqual({ code: 'not_found', message: '未找到该联盟点' })
    // The demo's studios carry their profiles.
    expect((await as('demo-resident').operations('profile', { siteId: 'W05' })).data).toMatchObject({ founder: '刘建华', sectors: ['文艺界', '教体界'] })
  })

  it('refuses a bad profile with its own message and writes nothing', async () => {
    const long = await as('demo-site-admin').operations('saveProfile', { siteId: 'F01', founder: '长'.repeat(41) })
    expect(long.error.code).toBe('invalid_input')
    expect(long.error.message).toMatch(/创办人/)
    const many = await as('demo-site-admin').operations('saveProfile', { siteId: 'F01', sectors: Array.from({ length: 21 }, (_, i) => `界别${i}`) })
    expect(many.error).toEqual({ code: 'invalid_input', message: '界别最多 20 个' })
    expect(await count('operation_profiles', "site_id = 'F01'")).toBe(0)
  })

  it('records evidence, flags a photo taken outside the radius, and refuses wrong kinds, large files, others\' files and other sites', async () => {
    const site = await f01()
    const inside = { lat: site.lat, lng: site.lng }
    const far = { lat: site.lat + 0.05, lng: site.lng }
    for (const n of [1, 2, 3, 4, 5]) await upload('demo-site-admin', photo(n))
    await upload('demo-staff', photo(9))
    const before = await count('operation_evidence')
    const refused = [
      [{ dimension: 'venue', fileKind: 'document', fileId: photo(1), bytes: 1000 }, 'wrong_type', '有场地须上传照片'],
      [{ dimension: 'rules', fileKind: 'photo', fileId: photo(1), bytes: 1000 }, 'wrong_type', '有制度须上传文件'],
      [{ dimension: 'venue', fileKind: 'photo', fileId: 'local:abc.pdf', bytes: 1000 }, 'wrong_type', '照片须为 JPG 或 PNG 格式'],
      [{ dimension: 'venue', fileKind: 'photo', fileId: photo(1), bytes: 11 * 1024 * 1024, ...inside }, 'too_large', '文件超过 10 MB，请压缩后再上传'],
      [{ dimension: 'venue', fileKind: 'photo', fileId: photo(9), bytes: 1000, ...inside }, 'invalid_input', '照片无效，请重新上传'],
      [{ dimension: 'venue', fileKind: 'photo', fileId: photo(1), bytes: 1000, activityId: 1, part: 'photo' }, 'invalid_input', '只有活动档案才关联活动'],
      [{ dimension: 'archive', fileKind: 'photo', fileId: photo(1), bytes: 1000, part: 'photo' }, 'invalid_input', '请选择档案所属的活动'],
      [{ dimension: 'venue', fileKind: 'photo', fileId: photo(1), bytes: 1000, lat: 37 }, 'invalid_input', '位置须同时包含经纬度'],
      [{ dimension: 'stage', fileKind: 'photo', fileId: photo(1), bytes: 1000 }, 'invalid_input', '请选择六有项目'],
    ] as const
    for (const [draft, code, message] of refused) {
      expect([draft, (await as('demo-site-admin').operations('record', { siteId: 'F01', ...draft })).error]).toEqual([draft, { code, message }])
    }
    const other = await as('demo-site-admin').operations('record', { siteId: 'F02', dimension: 'venue', fileKind: 'photo', fileId: photo(1), bytes: 1000 })
    expect(other.error).toEqual({ code: 'forbidden', message: '只能为本联盟点上传六有材料' })
    expect(await count('operation_evidence')).toBe(before)

    const flagged = await as('demo-site-admin').operations('record', { siteId: 'F01', dimension: 'venue', fileKind: 'photo', fileId: photo(1), bytes: 1000, ...far })
    expect(flagged.data).toMatchObject({ outsideRadius: true })
    const sign = await as('demo-site-admin').operations('record', { siteId: 'F01', dimension: 'sign', fileKind: 'photo', fileId: photo(2), bytes: 1000, ...inside })
    expect(sign.data).toMatchObject({ outsideRadius: false })
    const status = await as('demo-site-admin').operations('status', { siteId: 'F01' })
    const by = Object.fromEntries(status.data.dimensions.map((d: any) => [d.dimension, [d.statusLabel, d.reason]]))
    expect(by).toMatchObject({
      venue: ['待补', '照片拍摄位置不在阵地范围内，待工作人员核实'], sign: ['达标', ''], rules: ['待补', '尚未上传制度文件'],
      activities: ['待补', '本季度尚未开展活动'], evaluation: ['待补', '年度考核评价尚未开展'],
    })
    expect(status.data.evidence.map((e: any) => [e.dimension, e.fileId, e.outsideRadius])).toEqual([['sign', photo(2), false], ['venue', photo(1), true]])
    expect(await count('audit_log', "target = 'site:F01'")).toBe(2)
  })

  it('derives 有活动 and 有档案 from the activities held in the quarter and their archive parts', async () => {
    for (const n of [1, 2]) await upload('demo-site-admin', photo(n))
    const held = await heldActivity('F01', '2026-11-10T04:00:00Z')
    await heldActivity('F01', '2026-11-12T04:00:00Z', 0) // nobody came: not held
    const elsewhere = await heldActivity('F02', '2026-11-11T04:00:00Z')
    const quarter = async () => Object.fromEntries((await as('demo-site-admin').operations('status', { siteId: 'F01', quarter: '2026-Q4' })).data.dimensions.map((d: any) => [d.dimension, [d.status, d.reason]]))
    expect(await quarter()).toMatchObject({ activities: ['met', ''], archive: ['pending', '1 场活动的档案不完整（须有方案、签到、纪要和照片）'] })

    const other = await as('demo-site-admin').operations('record', { siteId: 'F01', dimension: 'archive', activityId: elsewhere, part: 'photo', fileKind: 'photo', fileId: photo(1), bytes: 1000 })
    expect(other.error).toEqual({ code: 'forbidden', message: '该活动不属于本联盟点' })
    const missing = await as('demo-site-admin').operations('record', { siteId: 'F01', dimension: 'archive', activityId: 999999, part: 'photo', fileKind: 'photo', fileId: photo(1), bytes: 1000 })
    expect(missing.error).toEqual({ code: 'not_found', message: '未找到该活动' })
    const minutesAsPhoto = await as('demo-site-admin').operations('record', { siteId: 'F01', dimension: 'archive', activityId: held, part: 'minutes', fileKind: 'photo', fileId: photo(1), bytes: 1000 })
    expect(minutesAsPhoto.error).toEqual({ code: 'wrong_type', message: '活动纪要须上传文件' })
    expect(await count('operation_evidence', "site_id = 'F01'")).toBe(0)

    await upload('demo-site-admin', 'local:plan.pdf')
    await upload('demo-site-admin', 'local:minutes.pdf')
    for (const [part, fileKind, fileId] of [['plan', 'document', 'local:plan.pdf'], ['minutes', 'document', 'local:minutes.pdf'], ['photo', 'photo', photo(2)]]) {
      expect((await as('demo-site-admin').operations('record', { siteId: 'F01', dimension: 'archive', activityId: held, part, fileKind, fileId, bytes: 1000 })).ok).toBe(true)
    }
    expect(await quarter()).toMatchObject({ activities: ['met', ''], archive: ['met', ''] })
    // A past quarter with no activities fails both.
    expect((await as('demo-site-admin').operations('status', { siteId: 'F01', quarter: '2026-Q2' })).data.dimensions.filter((d: any) => d.status === 'failed').map((d: any) => d.label))
      .toEqual(['有活动', '有档案'])
  })

  it('shows anyone six badges with the day each was last verified, and never the evidence', async () => {
    const badges = await as('demo-resident').operations('badges', { siteId: 'W05' })
    expect(badges.data.quarter).toBe('2026-Q4')
    expect(badges.data.badges.map((b: any) => [b.label, b.statusLabel])).toEqual([
      ['有场地', '达标'], ['有标识', '达标'], ['有制度', '达标'], ['有活动', '待补'], ['有档案', '待补'], ['有评价', '待补'],
    ])
    expect(badges.data.badges[0].verifiedOn).toBe('2026-10-03')
    const text = JSON.stringify(badges.data)
    expect(text).not.toMatch(/local:|fileId|reason|note|bytes/)
    expect(Object.keys(badges.data.badges[0]).sort()).toEqual(['dimension', 'label', 'status', 'statusLabel', 'verifiedOn'])
    const status = await as('demo-resident').operations('status', { siteId: 'W05' })
    expect(status.error.code).toBe('forbidden')
    expect((await as('demo-site-admin').operations('status', { siteId: 'W05' })).error).toEqual({ code: 'forbidden', message: '只能查看本联盟点的六有材料' })
  })

  it('checks in at the desk a resident without a phone, marked as assisted, once a day, within the site and its hours', async () => {
    const resident = { siteId: 'F01', name: '王秀英', birthYear: 1948, idLast4: '203X' }
    const done = await as('demo-site-admin').operations('assist', resident)
    expect(done.data).toEqual({ id: expect.any(Number), siteId: 'F01', siteName: '区图书馆', day: '2026-11-20', assisted: true, label: '由李静工作人员代为签到' })
    const again = await as('demo-staff').operations('assist', resident)
    expect(again.error).toEqual({ code: 'duplicate', message: '该居民今天已签到，不能重复代签' })
    const refused = [
      ['demo-site-admin', { ...resident, siteId: 'F02', name: '张桂兰' }, 'forbidden', '只能在本联盟点代为签到'],
      ['demo-resident', { ...resident, name: '张桂兰' }, 'forbidden', '没有权限进行此操作'],
      ['demo-site-admin', { ...resident, name: '张桂兰', idLast4: '12a4' }, 'invalid_input', '身份证号后 4 位须为 4 位数字（末位可为 X）'],
      ['demo-site-admin', { ...resident, name: '张桂兰', idLast4: '370102194801012034' }, 'invalid_input', '身份证号后 4 位须为 4 位数字（末位可为 X）'],
      ['demo-site-admin', { ...resident, name: '张', birthYear: 1950 }, 'invalid_input', '姓名至少 2 个字'],
    ] as const
    for (const [who, input, code, message] of refused) expect([input, (await as(who).operations('assist', input)).error]).toEqual([input, { code, message }])
    rt.clock.set('2026-11-20T12:00:00Z') // 20:00 in Shanghai: the desk is closed
    expect((await as('demo-site-admin').operations('assist', { ...resident, name: '张桂兰' })).error)
      .toEqual({ code: 'outside_window', message: '不在本联盟点开放时间内（周一至周日 9:00—17:00），不能代为签到' })
    expect(await count('assisted_checkins', "site_id IN ('F01', 'F02')")).toBe(1)
    expect(await count('assisted_people', "created_at >= '2026-11-20T00:00:00Z'")).toBe(1)
    // The audit names the record, never the person's name or ID fragment; the figures count the visit.
    const audits = await rt.db.query("SELECT detail::text AS d FROM audit_log WHERE action = 'assist'")
    expect(audits).toHaveLength(1)
    expect(audits[0].d).not.toMatch(/王秀英|203X/)
    const visits = checkinFigures.find((f) => f.name === 'checkin.assisted')
    if (!visits) throw new Error('no checkin.assisted figure')
    expect((await readFigure(rt.db, visits, '2026-11', '2026-11', rt.clock.now())).filter((row) => row.siteId === 'F01')).toEqual([{ siteId: 'F01', month: '2026-11', value: 1 }])
  })

  it('assists at most 60 people a day per staff member', async () => {
    const people = Array.from({ length: 60 }, (_, i) => ({ siteId: 'F01', name: `居民${i + 1}号`, birthYear: 1940 + (i % 20), idLast4: String(1000 + i) }))
    for (const person of people) expect((await as('demo-site-admin').operations('assist', person)).ok).toBe(true)
    const over = await as('demo-site-admin').operations('assist', { siteId: 'F01', name: '居民六十一', birthYear: 1950, idLast4: '9999' })
    expect(over.error).toEqual({ code: 'rate_limited', message: '每位工作人员每天最多代为签到 60 人' })
    expect(await count('assisted_checkins', "site_id = 'F01'")).toBe(60)
    expect((await as('demo-staff').operations('assist', { siteId: 'F01', name: '居民六十一', birthYear: 1950, idLast4: '9999' })).ok).toBe(true)
  })

  it('derives the 六有 of every site for four quarters of a demo year', async () => {
    await applySeeds(rt.db, demoSteps.filter((step) => ['activities-year', 'operations-archive'].includes(step.name)), { now: rt.clock.now(), activityDays: 3 })
    await rt.db.query("DELETE FROM seed_steps WHERE name = 'operations-archive'")
    await applySeeds(rt.db, demoSteps.filter((step) => step.name === 'operations-archive'), { now: rt.clock.now(), activityDays: 3 })
    const ids = (await rt.db.query<{ id: string }>('SELECT id FROM sites ORDER BY id')).map((row) => row.id)
    expect(ids.length).toBeGreaterThanOrEqual(41)
    const quarters = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']
    // How fast this is belongs in `npm run bench` (issue 21's 100 ms), not in a timed test.
    const all = await Promise.all(quarters.map((quarter) => quarterStatuses(rt.db, ids, quarter, rt.clock.now())))
    // With the demo year, W05 meets 有活动 and 有档案 in Q3; W01's archive lacks its minutes.
    const q3 = all[2]
    expect(q3.get('W05')?.filter((r) => r.status === 'met').map((r) => r.label)).toEqual(['有场地', '有标识', '有制度', '有活动', '有档案'])
    expect(q3.get('W01')?.find((r) => r.dimension === 'archive')?.status).toBe('pending')
  })

  it('keeps each site\'s annual joint plan with its co-hosts, and reads planned against held by month', async () => {
    const added = await as('demo-site-admin').operations('addPlanItem', { siteId: 'F01', year: 2026, month: 11, title: '书香政协·民生圆桌会', cohosts: ['F03', 'F01', 'F03'] })
    expect(added.ok).toBe(true)
    const refused = [
      [{ siteId: 'F02', year: 2026, month: 11, title: '读书会' }, 'forbidden', '只能编辑本联盟点的年度计划'],
      [{ siteId: 'F01', year: 2026, month: 13, title: '读书会' }, 'invalid_input', '月份不正确'],
      [{ siteId: 'F01', year: 2026, month: 11, title: '书香政协·民生圆桌会' }, 'duplicate', '本月已有同名的计划活动'],
      [{ siteId: 'F01', year: 2026, month: 10, title: '读书会', cohosts: ['ZZ'] }, 'not_found', '未找到该联盟点'],
    ] as const
    for (const [input, code, message] of refused) expect([input, (await as('demo-site-admin').operations('addPlanItem', input)).error]).toEqual([input, { code, message }])
    expect(await count('operation_plan_items', "site_id IN ('F01', 'F02')")).toBe(1)
    await heldActivity('F01', '2026-11-10T04:00:00Z')
    await heldActivity('F01', '2026-10-10T04:00:00Z')
    const plan = await as('demo-resident').operations('plan', { year: 2026, siteId: 'F01' })
    const [f01] = plan.data.sites
    expect(f01.items).toEqual([{ id: added.data.id, siteId: 'F01', siteName: '区图书馆', month: 11, title: '书香政协·民生圆桌会', cohosts: [{ siteId: 'F03', siteName: '运河文化博物馆' }] }])
    expect(f01.planned[10]).toBe(1)
    expect(f01.held.slice(9, 11)).toEqual([1, 1])
    // The demo's plans: every site that has one, W05 every second month.
    const all = await as('demo-resident').operations('plan', { year: 2026 })
    expect(all.data.sites.map((site: any) => site.siteId)).toEqual(['F01', 'W01', 'W05', 'W06'])
    expect(all.data.sites.find((site: any) => site.siteId === 'W05').planned).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0])
  })

  it('counts for staff the studios meeting each dimension per quarter, and figures per site and month', async () => {
    const overview = await as('demo-staff').operations('overview', { year: 2026 })
    expect(overview.data.quarters.map((q: any) => q.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    expect(overview.data.quarters.every((q: any) => q.sites === 6)).toBe(true)
    expect(overview.data.quarters[3].met).toEqual({ venue: 2, sign: 2, rules: 2, activities: 0, archive: 0, evaluation: 0 })
    expect((await as('demo-site-admin').operations('overview', { year: 2026 })).error.code).toBe('forbidden')
    // The demo's desk at 罗南社区: assisted check-ins over the last two weeks, none today.
    const desk = await rt.db.query<{ n: number; people: number; last: string }>("SELECT count(*)::int AS n, count(DISTINCT person_id)::int AS people, max(day) AS last FROM assisted_checkins WHERE site_id = 'G05'")
    expect(desk[0]).toMatchObject({ people: 5 })
    expect(desk[0].n).toBeGreaterThan(10)
    expect(desk[0].last < '2026-11-20').toBe(true)
    const venue = figures.find((f) => f.name === 'operations.venue')
    if (!venue) throw new Error('no venue figure')
    const rows = await readFigure(rt.db, venue, '2026-10', '2026-11', rt.clock.now())
    expect(rows).toEqual([
      { siteId: 'W01', month: '2026-10', value: 1 }, { siteId: 'W01', month: '2026-11', value: 1 },
      { siteId: 'W05', month: '2026-10', value: 1 }, { siteId: 'W05', month: '2026-11', value: 1 },
    ])
  })
})
