/** Input schemas of every function × action: checked before any handler code runs. */
import * as v from 'valibot'
import { BIND_CODE_ALPHABET, BIND_CODE_LENGTH } from './account'
import { bindableRoles } from './roles'
import { siteCategories, siteKinds } from './sites'

const siteId = v.pipe(v.string('请提供联盟点编号'), v.regex(/^[A-Za-z0-9_-]{1,24}$/, '联盟点编号格式不正确'))
const unitId = v.pipe(v.string('请提供单位编号'), v.regex(/^[A-Za-z0-9_-]{1,24}$/, '单位编号格式不正确'))
const finite = (label: string, min: number, max: number) =>
  v.pipe(v.number(`${label}必须是数字`), v.finite(`${label}必须是数字`), v.minValue(min, `${label}超出范围`), v.maxValue(max, `${label}超出范围`))

export const empty = v.object({})

export const sitesList = v.object({
  kind: v.optional(v.picklist(siteKinds, '类型不正确')),
  category: v.optional(v.picklist(siteCategories, '类别不正确')),
  q: v.optional(v.pipe(v.string('搜索词必须是文字'), v.trim(), v.maxLength(40, '搜索词最多 40 个字'))),
})

export const siteRef = v.object({ siteId })

export const location = v.object({
  lat: finite('纬度', -90, 90),
  lng: finite('经度', -180, 180),
  accuracy: finite('定位精度', 0, 100_000),
})

export const checkinScan = v.object({
  scene: v.pipe(v.string('请扫描联盟点二维码'), v.minLength(1, '请扫描联盟点二维码'), v.maxLength(128, '二维码内容过长')),
  location: v.optional(location),
})

export const checkinMine = v.object({
  limit: v.optional(v.pipe(v.number('数量必须是数字'), v.integer('数量必须是整数'), v.minValue(1, '数量至少为 1'), v.maxValue(100, '数量最多为 100'))),
})

export const accountBind = v.object({
  code: v.pipe(
    v.string('请输入绑定码'),
    v.trim(),
    v.toUpperCase(),
    v.length(BIND_CODE_LENGTH, `绑定码为 ${BIND_CODE_LENGTH} 位`),
    v.regex(new RegExp(`^[${BIND_CODE_ALPHABET}]+$`), '绑定码含有无效字符'),
  ),
})

export const adminCreateProfile = v.object({
  role: v.picklist(bindableRoles, '身份不正确'),
  name: v.pipe(v.string('请填写姓名'), v.trim(), v.minLength(1, '请填写姓名'), v.maxLength(20, '姓名最多 20 个字')),
  siteId: v.optional(siteId),
  unitId: v.optional(unitId),
})
