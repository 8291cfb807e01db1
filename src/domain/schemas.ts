/** The building blocks of every action's input schema (the actions themselves are in contracts/). */
import * as v from 'valibot'

export const code = (label: string, pattern = /^[A-Za-z0-9_-]{1,24}$/) =>
  v.pipe(v.string(`请提供${label}`), v.regex(pattern, `${label}格式不正确`))

export const siteId = code('联盟点编号')
export const unitId = code('单位编号')

export const finite = (label: string, min: number, max: number) =>
  v.pipe(v.number(`${label}必须是数字`), v.finite(`${label}必须是数字`), v.minValue(min, `${label}超出范围`), v.maxValue(max, `${label}超出范围`))

export const empty = v.object({})
