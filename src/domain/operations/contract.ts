/** operations: a site's profile (阵地档案), its 六有 evidence and status per quarter, the district's overview. */
import * as v from 'valibot'
import {
  archiveParts, dimensions, evidenceDimensions, exitDecisions, fileKinds, ID_LAST4, QUARTER, visitVerdicts,
  type AnnualPlan, type ArchiveBundle, type ArchiveIndex, type AssistedCheckin, type Badge, type DeskCard, type DeskReport, type Dimension,
  type ExitProposal, type FileLink, type QuarterOverview, type SiteProfile, type SiteStatus, type Visit,
} from '.'
import { returns } from '../contract'
import { finite, recordId, siteId } from '../schemas'
import { text } from '../text'

const quarter = v.pipe(v.string('请选择季度'), v.regex(QUARTER, '季度格式不正确（如 2026-Q4）'))
const yearField = v.pipe(v.number('请选择年份'), v.integer('年份不正确'), v.minValue(2020, '年份不正确'), v.maxValue(2099, '年份不正确'))
const birthYear = v.pipe(v.number('请填写出生年份'), v.integer('出生年份不正确'), v.minValue(1900, '出生年份不正确'), v.maxValue(2100, '出生年份不正确'))
const idLast4 = v.pipe(v.string('请填写身份证号后 4 位'), v.regex(ID_LAST4, '身份证号后 4 位须为 4 位数字（末位可为 X）'))
const personName = text('姓名', { min: 2, max: 20 })
const card = v.pipe(v.string('请扫描签到卡'), v.minLength(1, '请扫描签到卡'), v.maxLength(64, '签到卡内容过长'))
const verdictItems = v.pipe(
  v.array(v.object({ dimension: v.picklist(dimensions, '请选择六有项目'), verdict: v.picklist(visitVerdicts, '请选择评审结论'), note: v.optional(text('评审意见', { max: 300 }), '') })),
  v.minLength(1, '请至少评审一项'),
  v.maxLength(6, '六有最多 6 项'),
  v.check((items) => new Set(items.map((item) => item.dimension)).size === items.length, '同一项目只能评审一次'),
)
const siteQuarter = { siteId, quarter }
const fileId = v.pipe(v.string('请上传文件'), v.minLength(1, '请上传文件'), v.maxLength(300, '文件编号过长'))

export const operationsContract = {
  profile: { input: v.object({ siteId }), output: returns<SiteProfile>() },
  saveProfile: {
    input: v.object({
      siteId,
      founder: v.optional(text('创办人', { max: 40 }), ''),
      theme: v.optional(text('主题', { max: 60 }), ''),
      sectors: v.optional(v.pipe(v.array(text('界别', { min: 1, max: 20 }), '界别格式不正确'), v.maxLength(20, '界别最多 20 个')), []),
      annualPlan: v.optional(text('年度计划', { max: 2000 }), ''),
    }),
    output: returns<SiteProfile>(),
  },
  /** Records one piece of 六有 evidence (a photo of the space or the plaque, a rules document) or one part of an activity's archive. */
  record: {
    input: v.object({
      siteId,
      dimension: v.picklist([...evidenceDimensions, 'archive'], '请选择六有项目'),
      fileKind: v.picklist(fileKinds, '请选择材料类型'),
      fileId,
      bytes: v.pipe(v.number('文件大小必须是数字'), v.integer('文件大小必须是整数'), v.minValue(1, '文件为空')),
      /** Where a photo was taken, when the camera knew. */
      lat: v.optional(finite('纬度', -90, 90)),
      lng: v.optional(finite('经度', -180, 180)),
      activityId: v.optional(recordId('活动编号')),
      part: v.optional(v.picklist(archiveParts, '请选择档案内容')),
      note: v.optional(text('说明', { max: 200 }), ''),
    }),
    output: returns<{ id: number; outsideRadius: boolean }>(),
  },
  /** A site's six statuses for a quarter with their reasons and evidence (its managers only). */
  status: { input: v.object({ siteId, quarter: v.optional(quarter) }), output: returns<SiteStatus>() },
  /** The six badges of the public site page: status and the day last verified, no files. */
  badges: { input: v.object({ siteId }), output: returns<{ siteId: string; quarter: string; badges: Badge[] }>() },
  /** Checks in at the desk a resident who has no phone: by their printed card, or by name, birth year and the ID's last 4 characters (never the whole number). */
  assist: {
    input: v.object({ siteId, card: v.optional(card), name: v.optional(personName), birthYear: v.optional(birthYear), idLast4: v.optional(idLast4) }),
    output: returns<AssistedCheckin>(),
  },
  /** Prints a resident's personal card (its QR signed); the card in force before is revoked. */
  issueCard: { input: v.object({ siteId, name: personName, birthYear, idLast4 }), output: returns<DeskCard>() },
  revokeCard: { input: v.object({ siteId, cardId: recordId('签到卡编号') }), output: returns<{ revoked: true }>() },
  /** A month of the desk: check-ins per staff member, the site's median, and who is far above it. */
  deskReport: { input: v.object({ siteId, month: v.pipe(v.string('请选择月份'), v.regex(/^20[0-9]{2}-(0[1-9]|1[0-2])$/, '月份格式不正确（如 2026-11）')) }), output: returns<DeskReport>() },
  /** The annual joint plan: each site's planned activities by month (with co-hosts) against those held. */
  plan: {
    input: v.object({ year: yearField, siteId: v.optional(siteId) }),
    output: returns<AnnualPlan>(),
  },
  /** Adds one planned activity to a site's annual plan (its managers). */
  addPlanItem: {
    input: v.object({
      siteId,
      year: yearField,
      month: v.pipe(v.number('请选择月份'), v.integer('月份不正确'), v.minValue(1, '月份不正确'), v.maxValue(12, '月份不正确')),
      title: text('计划活动名称', { min: 2, max: 60 }),
      cohosts: v.optional(v.pipe(v.array(siteId), v.maxLength(10, '联办单位最多 10 个')), []),
    }),
    output: returns<{ id: number }>(),
  },
  /** The quarterly visit (季观摩), step 1: the site's own verdict on each dimension. */
  selfAssess: { input: v.object({ ...siteQuarter, items: verdictItems }), output: returns<Visit>() },
  /** Step 2: the desk review — the automatic checks and the documents, and the two activities drawn. */
  deskReview: { input: v.object({ ...siteQuarter, note: v.optional(text('书面审核意见', { max: 500 }), '') }), output: returns<Visit>() },
  /** Step 3: on site, checked in with the site's rotating code; each dimension 达标 / 需整改 / 不达标. Not at one's own site. */
  visit: {
    input: v.object({
      ...siteQuarter,
      code: v.pipe(v.string('请输入联盟点的观摩签到码'), v.minLength(1, '请输入联盟点的观摩签到码'), v.maxLength(40, '签到码过长')),
      items: verdictItems,
      note: v.optional(text('观摩意见', { max: 500 }), ''),
    }),
    output: returns<Visit>(),
  },
  /** Step 4: the review after the fixes, of every dimension not 达标 at the visit. */
  review: { input: v.object({ ...siteQuarter, items: verdictItems }), output: returns<Visit>() },
  visits: { input: v.object({ year: yearField, siteId: v.optional(siteId) }), output: returns<{ items: Visit[] }>() },
  /** The site's rotating code a reviewer enters on arrival (its managers show it). */
  visitCode: { input: v.object({ siteId }), output: returns<{ code: string; refreshAt: string }>() },
  /** Exit proposals (摘牌) opened by two failing years in a row, for staff to decide. */
  exits: { input: v.object({}), output: returns<{ items: ExitProposal[] }>() },
  decideExit: {
    input: v.object({ id: recordId('提议编号'), decision: v.picklist(exitDecisions, '请选择保留或摘牌'), note: v.optional(text('决定说明', { max: 300 }), '') }),
    output: returns<ExitProposal>(),
  },
  /** The archive (档案) of a site's year: every held activity, its number and what it lacks. */
  archive: { input: v.object({ siteId, year: yearField }), output: returns<ArchiveIndex>() },
  /** The year's bundle (tar: index, sign-in lists, files, SHA-256 manifest) for the district's records. */
  bundle: { input: v.object({ siteId, year: yearField }), output: returns<ArchiveBundle>() },
  /** A short-lived link to one evidence file (its site's managers). */
  fileLink: { input: v.object({ evidenceId: recordId('材料编号') }), output: returns<FileLink>() },
  /** Per quarter of a year, how many studios and 同心汇 meet each dimension (staff). */
  overview: {
    input: v.object({ year: yearField }),
    output: returns<{ year: number; dimensions: readonly Dimension[]; quarters: QuarterOverview[] }>(),
  },
}
