/** assessment: the alliance units' yearly scores and ranking (考核) and the monthly bulletin (月通报). */
import * as v from 'valibot'
import type { Bulletin, Scheme, UnitResult, YearRanking } from '.'
import { returns } from '../contract'
import { MONTH } from '../cycle'
import { siteId } from '../schemas'

export const year = v.pipe(v.number('请填写年份'), v.integer('年份必须是整数'), v.minValue(2020, '年份不正确'), v.maxValue(2100, '年份不正确'))
export const month = v.pipe(v.string('请填写月份'), v.regex(MONTH, '月份格式应为 YYYY-MM'))

export const assessmentContract = {
  /** The year's scheme in force (the default, version 0, until staff save one). */
  schemes: { input: v.object({ year }), output: returns<Scheme>() },
  /** Staff set the year's weights; the checks are the handler's (weightsProblem), so each bad input has its own message. */
  saveScheme: { input: v.object({ year, weights: v.record(v.string(), v.unknown()) }), output: returns<Scheme>() },
  /** The ranking of every alliance unit for a year (the year so far), within its category. */
  period: { input: v.object({ year }), output: returns<YearRanking>() },
  /** One unit's score for a year, each indicator with its parts. */
  unit: { input: v.object({ year, siteId }), output: returns<UnitResult>() },
  /** The month's bulletin: per unit, the month's figures against the month before. */
  bulletin: { input: v.object({ month }), output: returns<Bulletin>() },
  /** Staff publish a month's bulletin once the month is over: its figures frozen, site admins told. */
  publishBulletin: { input: v.object({ month }), output: returns<Bulletin>() },
}
