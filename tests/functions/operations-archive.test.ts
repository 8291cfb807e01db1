/** The archive (档案): numbering without gaps, the year's index, the yearly tar bundle and its manifest; short-lived links to evidence. */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { verifyFileLink } from '../../cloudfunctions/core/file-links'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { setRuntime } from '../../cloudfunctions/core/runtime'
import { recordUpload } from '../../cloudfunctions/core/uploads'
import { as, count, heldActivity } from '../support/operations'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`the archive on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  let dir: string
  beforeEach(async () => {
    rt = await startRuntime()
    dir = mkdtempSync(join(tmpdir(), 'archive-'))
    mkdirSync(join(dir, 'private'))
    setRuntime({ db: rt.db, platform: localPlatform(rt.db, 'http://localhost:8080', dir), clock: rt.clock })
  })
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true })
    await rt.close()
  })

  /** A private file the host keeps, uploaded by the site admin: its id is its bytes' hash. */
  async function stored(text: string, ext: 'jpg' | 'pdf'): Promise<string> {
    const bytes = Buffer.from(text)
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`
    writeFileSync(join(dir, 'private', name), bytes)
    await recordUpload(rt.db, 'demo-site-admin', `local:${name}`, bytes.length, rt.clock.now())
    return `local:${name}`
  }
  const part = (activityId: number, which: 'plan' | 'minutes' | 'photo', fileId: string) => as('demo-site-admin').operations('record', {
    siteId: 'F01', dimension: 'archive', activityId, part: which, fileKind: which === 'photo' ? 'photo' : 'document', fileId, bytes: 100,
  })

  it('numbers each activity once, without gaps, and indexes every activity of the year with what it lacks', async () => {
    const a = await heldActivity(rt.db, 'F01', '2026-02-10T04:00:00Z', 2, '春季读书会')
    const b = await heldActivity(rt.db, 'F01', '2026-10-10T04:00:00Z')
    const c = await heldActivity(rt.db, 'F01', '2026-11-10T04:00:00Z')
    await heldActivity(rt.db, 'F01', '2026-11-12T04:00:00Z', 0) // nobody came: not held, not in the archive
    await heldActivity(rt.db, 'F01', '2025-11-12T04:00:00Z') // last year's
    const files = { plan: await stored('方案', 'pdf'), minutes: await stored('纪要', 'pdf'), photo: await stored('照片', 'jpg') }
    for (const which of ['plan', 'minutes', 'photo'] as const) expect((await part(a, which, files[which])).ok).toBe(true)
    expect((await part(b, 'plan', files.plan)).ok).toBe(true)
    const index = await as('demo-site-admin').operations('archive', { siteId: 'F01', year: 2026 })
    expect(index.data.entries.map((e: any) => [e.activityId, e.number, e.closed, e.signins, e.missing])).toEqual([
      [a, '2026-F01-001', true, 2, []],
      [b, '2026-F01-002', false, 1, ['活动纪要', '活动照片']],
      [c, null, false, 1, ['活动方案', '活动纪要', '活动照片']],
    ])
    expect(index.data.closed).toBe(1)
    expect((await as('demo-site-admin').operations('archive', { siteId: 'F02', year: 2026 })).error.code).toBe('forbidden')
    expect((await as('demo-resident').operations('archive', { siteId: 'F01', year: 2026 })).error.code).toBe('forbidden')
  })

  it('gives parts recorded at once for many activities consecutive numbers, one per activity', async () => {
    const ids: number[] = []
    for (let day = 1; day <= 6; day += 1) ids.push(await heldActivity(rt.db, 'F01', `2026-11-0${day}T04:00:00Z`))
    const photo = await stored('合影', 'jpg')
    const plan = await stored('方案', 'pdf')
    const answers = await Promise.all(ids.flatMap((id) => [part(id, 'photo', photo), part(id, 'plan', plan)]))
    expect(answers.every((answer) => answer.ok)).toBe(true)
    const seqs = await rt.db.query<{ seq: number; n: number }>("SELECT seq, count(*)::int AS n FROM operation_archive_items WHERE site_id = 'F01' AND year = 2026 GROUP BY seq ORDER BY seq")
    expect(seqs.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6])
    expect(await count(rt.db, 'operation_archive_items')).toBe(6)
    expect((await rt.db.query("SELECT last_seq FROM operation_archive_counters WHERE site_id = 'F01' AND year = 2026"))[0].last_seq).toBe(6)
  })

  it('bundles the year as a tar whose index lists every activity and whose manifest hashes match the files', async () => {
    const a = await heldActivity(rt.db, 'F01', '2026-03-10T04:00:00Z', 2, '春季读书会')
    const b = await heldActivity(rt.db, 'F01', '2026-10-10T04:00:00Z')
    for (const [which, fileId] of [['plan', await stored('方案一', 'pdf')], ['minutes', await stored('纪要一', 'pdf')], ['photo', await stored('照片一', 'jpg')]] as const) {
      expect((await part(a, which, fileId)).ok).toBe(true)
    }
    await recordUpload(rt.db, 'demo-site-admin', 'local:gone.pdf', 1, rt.clock.now())
    expect((await part(b, 'plan', 'local:gone.pdf')).ok).toBe(true) // a file the store no longer holds
    const bundle = await as('demo-site-admin').operations('bundle', { siteId: 'F01', year: 2026 })
    expect(bundle.data).toMatchObject({ fileName: '2026-F01-archive.tar', missingFiles: 1 })
    const tar = Buffer.from(bundle.data.base64, 'base64')
    expect(bundle.data.sha256).toBe(createHash('sha256').update(tar).digest('hex'))
    const out = join(dir, 'out')
    mkdirSync(out)
    writeFileSync(join(dir, 'bundle.tar'), tar)
    execFileSync('tar', ['-xf', join(dir, 'bundle.tar'), '-C', out])
    const manifest = readFileSync(join(out, 'MANIFEST.sha256'), 'utf8').trim().split('\n').map((line) => line.split('  '))
    expect(manifest.map(([, path]) => path)).toEqual([
      'index.csv', '2026-F01-001/signin.csv', '2026-F01-001/minutes-1.pdf', '2026-F01-001/photo-2.jpg', '2026-F01-001/plan-3.pdf', '2026-F01-002/signin.csv',
    ])
    for (const [hash, path] of manifest) expect([path, createHash('sha256').update(readFileSync(join(out, path))).digest('hex')]).toEqual([path, hash])
    expect(execFileSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: out }).toString()).not.toMatch(/FAILED/)
    const index = readFileSync(join(out, 'index.csv'), 'utf8').trim().split('\r\n')
    expect(index.slice(1).map((line) => line.split(',').slice(0, 4))).toEqual([['2026-F01-001', '春季读书会', '2026-03-10', '2'], ['2026-F01-002', '读书分享会', '2026-10-10', '1']])
    expect(index[1]).toContain('已归档')
    expect(index[2]).toContain('文件缺失 1 个')
    expect(readFileSync(join(out, '2026-F01-001/signin.csv'), 'utf8').split('\r\n')[0]).toBe('\uFEFF姓名,签到时间,方式')
  })

  it('links an evidence file for ten minutes to its site\'s managers only', async () => {
    const fileId = await stored('场地', 'jpg')
    const site = (await rt.db.query("SELECT lat, lng FROM sites WHERE id = 'F01'"))[0]
    const recorded = await as('demo-site-admin').operations('record', { siteId: 'F01', dimension: 'venue', fileKind: 'photo', fileId, bytes: 100, lat: site.lat, lng: site.lng })
    const link = await as('demo-site-admin').operations('fileLink', { evidenceId: recorded.data.id })
    expect(link.data.expiresAt).toBe('2026-11-20T02:10:00.000Z')
    const url = new URL(link.data.url, 'http://host')
    expect(url.pathname).toBe(`/files/${fileId.slice(6)}`)
    const check = (at: string) => verifyFileLink(url.pathname.slice(7), url.searchParams.get('e'), url.searchParams.get('s'), new Date(at))
    expect([check('2026-11-20T02:09:59Z'), check('2026-11-20T02:10:00Z')]).toEqual(['ok', 'expired'])
    expect(verifyFileLink(url.pathname.slice(7), String(Number(url.searchParams.get('e')) + 600), url.searchParams.get('s'), new Date('2026-11-20T02:00:00Z'))).toBe('forged')
    expect((await as('demo-resident').operations('fileLink', { evidenceId: recorded.data.id })).error.code).toBe('forbidden')
    expect((await as('demo-site-admin').operations('fileLink', { evidenceId: 999999 })).error).toEqual({ code: 'not_found', message: '未找到该材料' })
  })
})
