/** The building blocks of every action's input schema (the actions themselves are in contracts/). */
import * as v from 'valibot'

export const code = (label: string, pattern = /^[A-Za-z0-9_-]{1,24}$/) =>
  v.pipe(v.string(`请提供${label}`), v.regex(pattern, `${label}格式不正确`))

export const siteId = code('联盟点编号')
export const unitId = code('单位编号')

export const finite = (label: string, min: number, max: number) =>
  v.pipe(v.number(`${label}必须是数字`), v.finite(`${label}必须是数字`), v.minValue(min, `${label}超出范围`), v.maxValue(max, `${label}超出范围`))

export const empty = v.object({})

/** A row's id: a positive integer a bigint holds (larger ones are refused here, never by the database). */
export const recordId = (label: string) =>
  v.pipe(v.number(`请提供${label}`), v.integer(`${label}不正确`), v.minValue(1, `${label}不正确`), v.maxValue(Number.MAX_SAFE_INTEGER, `${label}不正确`))

/** A calendar day YYYY-MM-DD that exists (2026-02-30 does not), between 2000 and 2099. */
export const calendarDay = (message: string) =>
  v.pipe(
    v.string(message),
    v.isoDate(message),
    v.check((day) => day >= '2000-01-01' && day <= '2099-12-31' && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day, message),
  )
