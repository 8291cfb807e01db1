/** duty: the member's duty record (履职档案) for a year, every member's totals for staff, and corrections. */
import { csv } from '../../src/domain/csv'
import { dutyContract } from '../../src/domain/duty/contract'
import { bandOf, dutyBandLabels, dutyKindLabels, dutyKinds, type Bands, type DutyMemberRow, type DutyYear } from '../../src/domain/duty'
import { shanghaiDay } from '../../src/domain/time'
import { dutyReaders, profileIssuers } from '../core/access'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { personNameSql } from '../core/names'
import { pageOf } from '../core/page'
import { createMain, defineFunction } from '../core/router'

/** The bands (DUTY_PASS_POINTS, DUTY_EXCELLENT_POINTS): 60 and 90 unless configured. */
export const bands: Bands = {
  pass: Number(process.env.DUTY_PASS_POINTS ?? 60),
  excellent: Number(process.env.DUTY_EXCELLENT_POINTS ?? 90),
}

const yearOf = (input: { year?: number }, now: Date) => input.year ?? Number(shanghaiDay(now).slice(0, 4))
const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`]

async function dutyYear(db: Queryable, userId: number, year: number): Promise<DutyYear> {
  const [from, to] = yearRange(year)
  const sources = await db.query<DutyYear['sources'][number]>(
    `SELECT d.id, d.day::text AS day, d.kind, d.points::float8 AS points, d.activity_id AS "activityId",
       COALESCE(a.title, d.note, '') AS title
     FROM duty_records d LEFT JOIN activities a ON a.id = d.activity_id
     WHERE d.user_id = $1 AND d.day >= $2 AND d.day < $3 ORDER BY d.day DESC, d.id DESC`,
    [userId, from, to],
  )
  const byMonth = Array.from({ length: 12 }, () => 0)
  const kinds = new Map(dutyKinds.map((kind) => [kind, { kind, points: 0, count: 0 }]))
  let total = 0
  for (const s of sources) {
    byMonth[Number(s.day.slice(5, 7)) - 1] += s.points
    const k = kinds.get(s.kind)
    if (k) {
      k.points += s.points
      k.count += 1
    }
    total += s.points
  }
  const round = (n: number) => Math.round(n * 10) / 10
  total = round(total)
  return {
    year,
    total,
    band: bandOf(total, bands),
    bands,
    byKind: [...kinds.values()].filter((k) => k.count > 0).map((k) => ({ ...k, points: round(k.points) })),
    byMonth: byMonth.map(round),
    sources,
  }
}

/** Every member's total for a year, as a subquery the list pages over. */
const memberName = personNameSql('u', 'f', '委员')
const totals = `(SELECT u.id AS "userId", ${memberName} AS name,
    COALESCE(f.sector, '') AS sector, COALESCE(sum(d.points), 0)::float8 AS total, count(d.id)::int AS records
  FROM user_roles r JOIN users u ON u.id = r.user_id LEFT JOIN member_facts f ON f.user_id = u.id
    LEFT JOIN duty_records d ON d.user_id = u.id AND d.day >= $1 AND d.day < $2
  WHERE r.role = 'member' GROUP BY u.id, f.name, f.sector) m`

const withBand = (row: Omit<DutyMemberRow, 'band'>): DutyMemberRow => ({ ...row, band: bandOf(row.total, bands) })

export const definition = defineFunction({
  name: 'duty',
  contract: dutyContract,
  openapi: [],
  access: { mine: ['member'], member: dutyReaders, members: dutyReaders, export: dutyReaders, correct: profileIssuers },
  actions: {
    mine: async ({ db, input, caller, now }) => dutyYear(db, caller.userId, yearOf(input, now)),

    member: async ({ db, input, now }) => {
      const [person] = await db.query<{ name: string }>(
        `SELECT ${memberName} AS name FROM users u
         LEFT JOIN member_facts f ON f.user_id = u.id WHERE u.id = $1 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'member')`,
        [input.userId],
      )
      if (!person) return fail('not_found', '未找到该委员')
      return { ...(await dutyYear(db, input.userId, yearOf(input, now))), name: person.name }
    },

    members: async ({ db, input, now }) => {
      const page = await pageOf<Omit<DutyMemberRow, 'band'>>(db, {
        columns: 'm."userId", m.name, m.sector, m.total, m.records',
        from: totals,
        params: yearRange(yearOf(input, now)),
        keys: input.sort === 'name' ? ['m.name', 'm."userId"'] : ['-m.total', 'm."userId"'],
      }, input)
      return { items: page.items.map(withBand), next: page.next }
    },

    export: async ({ db, input, now, audit }) => {
      const year = yearOf(input, now)
      const rows = await db.query<Omit<DutyMemberRow, 'band'>>(`SELECT m.* FROM ${totals} ORDER BY m.total DESC, m."userId"`, yearRange(year))
      await audit(`duty:${year}`, { export: rows.length })
      return {
        filename: `委员履职积分-${year}.csv`,
        csv: csv([
          ['姓名', '界别', '记录数', '积分', '等次'],
          ...rows.map((r) => [r.name, r.sector, r.records, r.total, dutyBandLabels[bandOf(r.total, bands)]]),
        ]),
      }
    },

    correct: async ({ input, caller, transaction }) =>
      transaction(async ({ db, now, audit }) => {
        const [member] = await db.query("SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'member'", [input.userId])
        if (!member) fail('not_found', '未找到该委员')
        const [rule] = await db.query<{ id: number }>(
          'SELECT id FROM duty_rules WHERE kind = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1',
          [input.kind, input.day],
        )
        if (!rule) fail('invalid_input', '该日期没有适用的积分规则')
        const [row] = await db.query<{ id: number }>(
          `INSERT INTO duty_records (user_id, day, kind, rule_id, points, source_key, note, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, 'correction:' || nextval('duty_records_id_seq'), $6, $7, $8) RETURNING id`,
          [input.userId, input.day, input.kind, rule.id, input.points, `${dutyKindLabels[input.kind]}：${input.reason}`, caller.userId, now],
        )
        await audit(`duty:${input.userId}`, { record: row.id, day: input.day, kind: input.kind, points: input.points, reason: input.reason })
        const year = Number(input.day.slice(0, 4))
        const [{ total }] = await db.query<{ total: number }>(
          'SELECT COALESCE(sum(points), 0)::float8 AS total FROM duty_records WHERE user_id = $1 AND day >= $2 AND day < $3',
          [input.userId, ...yearRange(year)],
        )
        return { id: row.id, total }
      }),
  },
})

export const main = createMain(definition)
