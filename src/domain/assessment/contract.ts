/** assessment: the alliance units' yearly scores and ranking (考核) and the monthly bulletin (月通报) with its appeals. */
import * as v from 'valibot'
import type { Scheme, UnitResult, YearRanking } from '.'
import { bulletinFigures, type Appeal, type Bulletin } from './bulletin'
import { returns } from '../contract'
import { MONTH } from '../cycle'
import { recordId, siteId } from '../schemas'
import { text } from '../text'

export const year = v.pipe(v.number('请填写年份'), v.integer('年份必须是整数'), v.minValue(2020, '年份不正确'), v.maxValue(2100, '年份不正确'))
export const month = v.pipe(v.string('请填写月份'), v.regex(MONTH, '月份格式应为 YYYY-MM'))
const version = v.optional(v.pipe(v.number('版本号须为数字'), v.integer('版本号须为整数'), v.minValue(1, '版本号不正确'), v.maxValue(1000, '版本号不正确')))
const figureValue = (label: string) => v.pipe(v.number(`${label}须为数字`), v.finite(`${label}须为数字`), v.minValue(0, `${label}不能为负数`), v.maxValue(1_000_000, `${label}过大`))

export interface Recomputed {
  month: string
  version: number
  inputsHash: string
  hash: string
  storedInputsHash: string
  storedHash: string
  identical: boolean
}

export const documentFormats = ['docx', 'xlsx'] as const
export type DocumentFormat = (typeof documentFormats)[number]

/** A generated file, base64 (a bulletin of 40 units is tens of KB). */
export interface DocumentFile {
  filename: string
  mime: string
  base64: string
}

export const assessmentContract = {
  /** The year's scheme in force (the default, version 0, until staff save one). */
  schemes: { input: v.object({ year }), output: returns<Scheme>() },
  /** Staff set the year's weights; the checks are the handler's (weightsProblem), so each bad input has its own message. */
  saveScheme: { input: v.object({ year, weights: v.record(v.string(), v.unknown()) }), output: returns<Scheme>() },
  /** The ranking of every alliance unit for a year (the year so far), within its category. */
  period: { input: v.object({ year }), output: returns<YearRanking>() },
  /** One unit's score for a year, each indicator with its parts. */
  unit: { input: v.object({ year, siteId }), output: returns<UnitResult>() },
  /** The month's bulletin (its current version, or the one named): per unit, the month's figures against the month before. */
  bulletin: { input: v.object({ month, version }), output: returns<Bulletin>() },
  /** Staff freeze a month that is over into version 1, sent to the units for appeals (the job does it on the 5th working day). */
  freezeBulletin: { input: v.object({ month }), output: returns<Bulletin>() },
  /** Staff make the current version final once the appeal window is over and no appeal waits (the job does it too). */
  publishBulletin: { input: v.object({ month }), output: returns<Bulletin>() },
  /** A unit's site admin appeals one figure of the version under review. */
  appeal: {
    input: v.object({
      month,
      siteId,
      figure: v.picklist(bulletinFigures, '请选择通报中的一项数据'),
      claimed: figureValue('申诉数值'),
      reason: text('申诉理由', { min: 5, max: 300 }),
      evidence: v.optional(text('佐证材料说明', { max: 300 }), ''),
    }),
    output: returns<Appeal>(),
  },
  /** Staff uphold or reject a pending appeal with a note; upheld, the month's next version is issued. */
  decideAppeal: {
    input: v.object({ appealId: recordId('申诉编号'), uphold: v.boolean('请选择是否成立'), note: text('处理意见', { min: 2, max: 300 }), value: v.optional(v.nullable(figureValue('更正数值')), null) }),
    output: returns<Appeal>(),
  },
  /** The month's appeals: all for staff and auditors, a site admin's own units' for them. */
  appeals: { input: v.object({ month }), output: returns<Appeal[]>() },
  /** The month's bulletin as it may be read (a version, or the draft), as a .docx (GB/T 9704) or an .xlsx (总表 / 分项 / 明细 / 计算说明). */
  exportBulletin: { input: v.object({ month, version, format: v.picklist(documentFormats, '请选择文件格式') }), output: returns<DocumentFile>() },
  /** Recompute a frozen version from its frozen inputs and compare both hashes with the stored ones. */
  recompute: { input: v.object({ month, version }), output: returns<Recomputed>() },
}
