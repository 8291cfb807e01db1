/** The member's duty record (履职档案): kinds of points, the yearly bands, what the pages show. */
/** Kinds staff may type in as a correction. */
export const correctableKinds = ['studio_day', 'attend', 'speak', 'adopted', 'correction'] as const
/** Kinds only 社情民意's records earn (a proposal 立案, a 专报 adopted, a 批示): never typed in. */
export const opinionDutyKinds = ['proposal', 'report_adopted', 'endorsement'] as const
export const dutyKinds = [...correctableKinds, ...opinionDutyKinds] as const
export type DutyKind = (typeof dutyKinds)[number]
export const dutyKindLabels: Record<DutyKind, string> = {
  studio_day: '委员工作室接待日',
  attend: '参加协商活动',
  speak: '会议发言',
  adopted: '议题或提案被采纳',
  correction: '人工更正',
  proposal: '提交提案并立案',
  report_adopted: '社情民意信息被采用',
  endorsement: '社情民意信息获领导批示',
}

export type DutyBand = 'excellent' | 'pass' | 'fail'
export const dutyBandLabels: Record<DutyBand, string> = { excellent: '优秀', pass: '合格', fail: '不合格' }

/** Yearly bands in the style of the Dongcheng assessment: ≥ pass is 合格, ≥ excellent is 优秀. */
export interface Bands {
  pass: number
  excellent: number
}
export const DEFAULT_BANDS: Bands = { pass: 60, excellent: 90 }

export function bandOf(total: number, bands: Bands = DEFAULT_BANDS): DutyBand {
  if (total >= bands.excellent) return 'excellent'
  return total >= bands.pass ? 'pass' : 'fail'
}

export interface DutySource {
  id: number
  day: string
  kind: DutyKind
  points: number
  /** The activity's title, or the correction's reason. */
  title: string
  activityId: number | null
}

export interface DutyYear {
  year: number
  total: number
  band: DutyBand
  bands: Bands
  byKind: { kind: DutyKind; points: number; count: number }[]
  /** Points in each month, January first (12 numbers). */
  byMonth: number[]
  sources: DutySource[]
}

export interface DutyMemberRow {
  userId: number
  name: string
  sector: string
  total: number
  records: number
  band: DutyBand
}
