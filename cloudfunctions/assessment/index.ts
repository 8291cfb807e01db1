/**
 * assessment: the alliance units' yearly score (考核) and the monthly bulletin (月通报) with its
 * cycle (freeze → appeals → final, bulletins.ts), computed from the other features' figures only
 * (read.ts: a frozen month from its bulletin's inputs); it writes only its own tables (the year's weights, versioned; the bulletin's
 * versions, frozen with their inputs and hashes; the units' appeals).
 */
import { allianceIndex, rankUnits, scoreUnits, weightsProblem, yearMonths, figureNames, type YearRanking } from '../../src/domain/assessment'
import { assessmentContract } from '../../src/domain/assessment/contract'
import { can, ownUnits, readsAll } from '../../src/domain/assessment/permissions'
import { shanghaiMonth } from '../../src/domain/cycle'
import { everyone, profileIssuers, screeners } from '../core/access'
import { screenText } from '../core/content'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { createMain, defineFunction } from '../core/router'
import { appealsOf, decideAppeal, fileAppeal, finalise, freezeMonth, inputsOf, jobs, liveInputs, lockCurrent, readBulletin, recompute } from './bulletins'
import { bulletinDocx, bulletinXlsx } from './documents'
import { schemeOf, scoredFigures, units } from './read'
import type { VersionRow } from './rows'

/** The year's months counted by `now`: none of a year to come, the months so far of this one. */
function monthsOf(year: number, now: Date): { from: string; to: string } {
  const { from, to } = yearMonths(year)
  const current = shanghaiMonth(now)
  if (current < from) fail('not_found', `${year} 年尚未开始`)
  return { from, to: current < to ? current : to }
}

async function ranking(db: Queryable, year: number, now: Date): Promise<YearRanking> {
  const { from, to } = monthsOf(year, now)
  const scheme = await schemeOf(db, year)
  const rows = await scoredFigures(db, figureNames, from, to, now)
  const scores = scoreUnits(await units(db), rows, scheme.weights)
  const index = allianceIndex(scores)
  return { year, scheme, through: to, allianceIndex: index, units: rankUnits(scores, index) }
}

const documentMimes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** A month that is over: only those freeze. */
const overMonth = (month: string, now: Date) => {
  if (month >= shanghaiMonth(now)) fail('invalid_input', '该月尚未结束，不能冻结或发布通报')
}

export const definition = defineFunction({
  name: 'assessment',
  contract: assessmentContract,
  openapi: ['security.msgSecCheck'],
  access: {
    schemes: everyone,
    saveScheme: profileIssuers,
    period: everyone,
    unit: screeners,
    bulletin: everyone,
    freezeBulletin: profileIssuers,
    publishBulletin: profileIssuers,
    appeal: screeners,
    decideAppeal: profileIssuers,
    appeals: screeners,
    exportBulletin: everyone,
    recompute: screeners,
  },
  jobs,
  actions: {
    schemes: async ({ db, input }) => schemeOf(db, input.year),

    saveScheme: async ({ input, caller, transaction }) => {
      if (!can(caller, 'configure')) fail('forbidden', '只有区政协工作人员可以设置考核权重')
      const problem = weightsProblem(input.weights)
      if (problem) fail('invalid_input', problem)
      // Of two saves at once the second clashes on the key (23505): refused whole, as a conflict.
      const clash = (error: unknown) => {
        if ((error as { code?: string } | null)?.code === '23505') fail('conflict', '考核方案刚被他人修改，请刷新后重试')
        throw error
      }
      return transaction(async ({ db, now, audit }) => {
        const [last] = await db.query<VersionRow>('SELECT COALESCE(max(version), 0)::int AS version FROM assessment_schemes WHERE year = $1', [input.year])
        const version = last.version + 1
        await db.query('INSERT INTO assessment_schemes (year, version, weights, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)', [
          input.year, version, JSON.stringify(input.weights), caller.userId, now,
        ])
        await audit(`assessment_scheme:${input.year}`, { version, weights: input.weights })
        return { year: input.year, version, weights: input.weights as Record<string, number>, savedAt: now.toISOString() }
      }).catch(clash)
    },

    period: async ({ db, input, now }) => ranking(db, input.year, now),

    unit: async ({ db, input, now, caller }) => {
      if (!can(caller, 'viewUnit', { siteId: input.siteId })) fail('forbidden', '只能查看本单位的考核详情')
      const result = await ranking(db, input.year, now)
      const unit = result.units.find((u) => u.siteId === input.siteId) ?? fail('not_found', '未找到该联盟单位')
      return { ...unit, year: result.year, scheme: result.scheme, through: result.through, allianceIndex: result.allianceIndex }
    },

    bulletin: async ({ db, input, now, caller }) => readBulletin(db, input.month, input.version, can(caller, 'viewDraft'), now),

    freezeBulletin: async ({ db, input, caller, now, transaction }) => {
      if (!can(caller, 'publish')) fail('forbidden', '只有区政协工作人员可以冻结月通报')
      overMonth(input.month, now)
      const inputs = await liveInputs(db, input.month, now)
      return transaction(async (tx) => {
        if (!(await freezeMonth(tx, inputs, caller.userId))) fail('duplicate', '本月通报已冻结，不能重复冻结')
        return readBulletin(tx.db, input.month, undefined, true, tx.now)
      })
    },

    publishBulletin: async ({ input, caller, transaction }) => {
      if (!can(caller, 'publish')) fail('forbidden', '只有区政协工作人员可以发布月通报')
      return transaction(async (tx) => {
        overMonth(input.month, tx.now)
        await finalise(tx, await lockCurrent(tx.db, input.month), caller.userId)
        return readBulletin(tx.db, input.month, undefined, true, tx.now)
      })
    },

    appeal: async ({ input, caller, platform, transaction }) => {
      if (!can(caller, 'appeal', { siteId: input.siteId })) fail('forbidden', '只能对本单位的数据提出申诉')
      await screenText(platform, [input.reason, input.evidence].join('\n'), caller.openid, 'immediate')
      return transaction((tx) => fileAppeal(tx, input, caller.userId))
    },

    decideAppeal: async ({ input, caller, platform, transaction }) => {
      if (!can(caller, 'decide')) fail('forbidden', '只有区政协工作人员可以处理申诉')
      await screenText(platform, input.note, caller.openid, 'immediate')
      return transaction((tx) => decideAppeal(tx, input, caller.userId))
    },

    appeals: async ({ db, input, caller }) => {
      if (!readsAll(caller) && ownUnits(caller).length === 0) fail('forbidden', '只能查看本单位的申诉')
      return appealsOf(db, input.month, readsAll(caller) ? undefined : ownUnits(caller))
    },

    exportBulletin: async ({ db, input, now, caller }) => {
      const b = await readBulletin(db, input.month, input.version, can(caller, 'viewDraft'), now)
      const name = `${input.month}联盟工作通报-${b.version === null ? '草稿' : `第${b.version}版`}`
      const bytes = input.format === 'docx'
        ? await bulletinDocx(b)
        : await bulletinXlsx(b, b.version === null ? await liveInputs(db, input.month, now) : await inputsOf(db, input.month, b.version), await schemeOf(db, Number(input.month.slice(0, 4)), b.schemeVersion))
      return { filename: `${name}.${input.format}`, mime: documentMimes[input.format], base64: bytes.toString('base64') }
    },

    recompute: async ({ db, input, caller }) => {
      if (!can(caller, 'recompute')) fail('forbidden', '只有区政协工作人员和审计人员可以复算')
      return recompute(db, input.month, input.version)
    },
  },
})

export const main = createMain(definition)
