/**
 * The archive (档案): numbering an activity's item when its first part is recorded, the year's index
 * of a site (every held activity, closed or what it lacks), and the yearly bundle — a tar of the
 * index, each activity's sign-in list and files, and a SHA-256 manifest — for the district's records.
 */
import { createHash } from 'node:crypto'
import {
  archiveComplete, archiveNumber, archivePartLabels, archiveParts, quarterBounds,
  type ArchiveBundle, type ArchiveEntry, type ArchiveIndex, type ArchivePart,
} from '../../src/domain/operations'
import { csv } from '../../src/domain/csv'
import { shanghaiDateTime, shanghaiDay } from '../../src/domain/time'
import type { Queryable } from '../core/db'
import type { Platform } from '../core/platform'
import { heldActivities, signinLists } from '../activities/public'
import type { SiteRow } from '../sites/public'
import { tarOf } from './tar'

/**
 * Gives the activity its archive number if it has none: the site-year counter's row is locked
 * first, so the item is looked for only once no one else can be numbering; the numbers run without
 * a gap (a rolled-back record rolls its increment back too).
 */
export async function numberArchiveItem(tx: Queryable, siteId: string, activityId: number, startsAt: Date, now: Date): Promise<void> {
  const year = Number(shanghaiDay(startsAt).slice(0, 4))
  await tx.query(
    `INSERT INTO operation_archive_counters (site_id, year, last_seq) VALUES ($1, $2, 0)
     ON CONFLICT (site_id, year) DO UPDATE SET last_seq = operation_archive_counters.last_seq`,
    [siteId, year],
  )
  const [numbered] = await tx.query(
    `INSERT INTO operation_archive_items (activity_id, site_id, year, seq, created_at)
     SELECT $3, $1, $2, c.last_seq + 1, $4 FROM operation_archive_counters c
     WHERE c.site_id = $1 AND c.year = $2 AND NOT EXISTS (SELECT 1 FROM operation_archive_items WHERE activity_id = $3)
     RETURNING seq`,
    [siteId, year, activityId, now],
  )
  if (numbered) await tx.query('UPDATE operation_archive_counters SET last_seq = last_seq + 1 WHERE site_id = $1 AND year = $2', [siteId, year])
}

type PartFile = { activity_id: number; part: ArchivePart; file_id: string; file_kind: string; recorded_at: Date }

const yearBounds = (year: number) => ({ start: quarterBounds(`${year}-Q1`).start, end: quarterBounds(`${year}-Q4`).end })

async function readYear(db: Queryable, site: SiteRow, year: number, now: Date) {
  const { start, end } = yearBounds(year)
  const held = await heldActivities(db, [site.id], start, end, now)
  const ids = held.map((activity) => Number(activity.id))
  const numbers = await db.query<{ activity_id: number; year: number; seq: number }>(
    'SELECT activity_id, year, seq FROM operation_archive_items WHERE activity_id = ANY($1::bigint[])', [ids])
  const files = await db.query<PartFile>(
    `SELECT activity_id, part, file_id, file_kind, recorded_at FROM operation_evidence
     WHERE dimension = 'archive' AND activity_id = ANY($1::bigint[]) AND recorded_at <= $2 ORDER BY activity_id, part, recorded_at, id`,
    [ids, now],
  )
  const numberOf = new Map(numbers.map((row) => [Number(row.activity_id), archiveNumber(row.year, site.id, row.seq)]))
  const entries: ArchiveEntry[] = held.map((activity) => {
    const id = Number(activity.id)
    const parts = archiveParts.filter((part) => files.some((file) => Number(file.activity_id) === id && file.part === part))
    const closed = activity.attendance > 0 && archiveComplete(parts)
    return {
      activityId: id,
      number: numberOf.get(id) ?? null,
      title: activity.title,
      startsAt: activity.starts_at.toISOString(),
      signins: activity.attendance,
      parts,
      closed,
      missing: archiveParts.filter((part) => !parts.includes(part)).map((part) => archivePartLabels[part]),
    }
  })
  return { entries, files }
}

/** Every activity held at the site in the year, numbered or not, with what its item has and lacks. */
export async function archiveIndex(db: Queryable, site: SiteRow, year: number, now: Date): Promise<ArchiveIndex> {
  const { entries } = await readYear(db, site, year, now)
  return { siteId: site.id, siteName: site.name, year, entries, closed: entries.filter((entry) => entry.closed).length }
}

const extOf = (fileId: string) => /\.([a-z0-9]{2,4})$/i.exec(fileId)?.[1]?.toLowerCase() ?? 'bin'
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The year's bundle of a site, built in memory: index.csv, per activity signin.csv and its files, MANIFEST.sha256 last. */
export async function archiveBundle(db: Queryable, platform: Platform, site: SiteRow, year: number, now: Date): Promise<ArchiveBundle> {
  const { entries, files } = await readYear(db, site, year, now)
  const signins = await signinLists(db, entries.map((entry) => entry.activityId))
  const out: { path: string; bytes: Uint8Array }[] = []
  const stored = await Promise.all(files.map((file) => platform.readFile(file.file_id)))
  const lines: string[][] = []
  let missingFiles = 0
  for (const entry of entries) {
    const folder = entry.number ?? `unnumbered-${entry.activityId}`
    const list = signins.filter((row) => Number(row.activity_id) === entry.activityId)
    out.push({ path: `${folder}/signin.csv`, bytes: Buffer.from(csv([['姓名', '签到时间', '方式'], ...list.map((row) => [row.nickname, shanghaiDateTime(row.at), row.via === 'code' ? '扫码' : '补签'])])) })
    const own = files.map((file, i) => ({ file, bytes: stored[i] })).filter(({ file }) => Number(file.activity_id) === entry.activityId)
    const absent: string[] = []
    own.forEach(({ file, bytes }, i) => {
      if (bytes) out.push({ path: `${folder}/${file.part}-${i + 1}.${extOf(file.file_id)}`, bytes })
      else absent.push(file.file_id)
    })
    missingFiles += absent.length
    lines.push([folder, entry.title, shanghaiDay(new Date(entry.startsAt)), String(entry.signins), ...archiveParts.map((part) => (entry.parts.includes(part) ? '有' : '缺')),
      entry.closed ? '已归档' : '未完成', absent.length ? `文件缺失 ${absent.length} 个` : ''])
  }
  const index = csv([['编号', '活动', '日期', '签到人数', '方案', '纪要', '照片', '状态', '备注'], ...lines])
  const all = [{ path: 'index.csv', bytes: Buffer.from(index) }, ...out]
  const manifest = all.map((file) => `${sha256(file.bytes)}  ${file.path}\n`).join('')
  const tar = tarOf([...all, { path: 'MANIFEST.sha256', bytes: Buffer.from(manifest) }], now)
  return { fileName: `${year}-${site.id}-archive.tar`, bytes: tar.length, sha256: sha256(tar), files: all.length, missingFiles, base64: tar.toString('base64') }
}
