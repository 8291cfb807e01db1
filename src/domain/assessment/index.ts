/**
 * The alliance units' yearly assessment (联盟单位考核) and the monthly bulletin (月通报): the
 * indicators, each made from other features' figures (`<feature>.<what>`, per site and Shanghai
 * month), the default weights (a proposal for the district to confirm), and the pure scoring.
 * A ratio is made here from its two figures, so its denominator is shown ("满意 48 / 评价 52").
 */

/** The three parts of the score (《联盟单位年度考核激励办法》): 协商参与度, 成果转化率, 公众满意度. */
export const assessmentCategories = ['participation', 'conversion', 'satisfaction'] as const
export type AssessmentCategory = (typeof assessmentCategories)[number]
export const assessmentCategoryLabels: Record<AssessmentCategory, string> = {
  participation: '协商参与度',
  conversion: '成果转化率',
  satisfaction: '公众满意度',
}

/**
 * An indicator: a count against a yearly target (points = weight × min(1, value / target)), or a
 * ratio of two figures (points = weight × min(1, part / whole)). A ratio whose whole is under
 * `MIN_SAMPLE` is 样本不足 and shrunk toward its category's pooled ratio; a ratio with no whole scores 0.
 */
export type Indicator =
  | { key: string; name: string; category: AssessmentCategory; kind: 'count'; figure: string; target: number }
  | { key: string; name: string; category: AssessmentCategory; kind: 'ratio'; part: string; whole: string }

export const indicators: readonly Indicator[] = [
  { key: 'held', name: '开展活动', category: 'participation', kind: 'count', figure: 'activities.held', target: 12 },
  { key: 'people', name: '签到人数（月累计）', category: 'participation', kind: 'count', figure: 'checkin.people', target: 120 },
  { key: 'visits', name: '签到人次', category: 'participation', kind: 'count', figure: 'checkin.visits', target: 240 },
  { key: 'members', name: '参与委员（月累计）', category: 'participation', kind: 'count', figure: 'activities.members', target: 24 },
  { key: 'shared', name: '共享资源时长', category: 'participation', kind: 'count', figure: 'resources.hoursGiven', target: 48 },
  { key: 'proposed', name: '提出议题', category: 'conversion', kind: 'count', figure: 'topics.proposed', target: 12 },
  { key: 'selectedRate', name: '议题入选率', category: 'conversion', kind: 'ratio', part: 'topics.selected', whole: 'topics.proposed' },
  { key: 'publishedRate', name: '成果公示率', category: 'conversion', kind: 'ratio', part: 'feedback.published', whole: 'topics.selected' },
  { key: 'onTimeRate', name: '按时答复率', category: 'conversion', kind: 'ratio', part: 'feedback.repliesOnTime', whole: 'feedback.repliesDue' },
  { key: 'convertedRate', name: '建议转化率', category: 'conversion', kind: 'ratio', part: 'opinions.converted', whole: 'opinions.received' },
  { key: 'satisfiedRate', name: '满意率', category: 'satisfaction', kind: 'ratio', part: 'feedback.satisfied', whole: 'feedback.ratings' },
]

export type Weights = Record<string, number>

/** The default weights: participation 35, conversion 40, satisfaction 25 (a proposal, to be confirmed). */
export const defaultWeights: Weights = {
  held: 10, people: 8, visits: 7, members: 5, shared: 5,
  proposed: 5, selectedRate: 10, publishedRate: 10, onTimeRate: 15, convertedRate: 0,
  satisfiedRate: 25,
}

export const WEIGHT_TOTAL = 100
/** A ratio's whole below this is 样本不足. */
export const MIN_SAMPLE = 5

/** The figures the indicators read. */
export const figureNames = [...new Set(indicators.flatMap((i) => (i.kind === 'count' ? [i.figure] : [i.part, i.whole])))]

/** What is wrong with a year's weights, or undefined: every indicator once, each a whole 0–100, summing to 100. */
export function weightsProblem(weights: Readonly<Record<string, unknown>>): string | undefined {
  const known = new Set(indicators.map((i) => i.key))
  const unknown = Object.keys(weights).find((key) => !known.has(key))
  if (unknown !== undefined) return `未知的指标：${unknown}`
  for (const indicator of indicators) {
    const weight = weights[indicator.key]
    if (weight === undefined) return `缺少“${indicator.name}”的权重`
    if (typeof weight !== 'number' || !Number.isFinite(weight)) return `“${indicator.name}”的权重必须是数字`
    if (!Number.isInteger(weight)) return `“${indicator.name}”的权重必须是整数`
    if (weight < 0 || weight > WEIGHT_TOTAL) return `“${indicator.name}”的权重须在 0 到 100 之间`
  }
  const sum = indicators.reduce((total, i) => total + (weights[i.key] as number), 0)
  if (sum !== WEIGHT_TOTAL) return `权重合计须为 100，现为 ${sum}`
  return undefined
}

/** One figure's rows as the assessment reads them. */
export interface FigureValue {
  figure: string
  siteId: string
  month: string
  value: number
}

export interface Unit {
  id: string
  name: string
  category: string
}

export interface IndicatorScore {
  key: string
  name: string
  category: AssessmentCategory
  weight: number
  /** A count's value, or a ratio's part. */
  value: number
  /** A ratio's whole, or a count's target. */
  of: number
  /** The figure(s) read. */
  figures: string[]
  /** Below MIN_SAMPLE: shrunk toward the category's pooled ratio. */
  smallSample: boolean
  /** The rate (0–1) the points are made of. */
  rate: number
  points: number
}

export interface UnitScore {
  siteId: string
  name: string
  category: string
  total: number
  indicators: IndicatorScore[]
}

export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100

const sumOf = (rows: readonly FigureValue[], figure: string, siteIds: ReadonlySet<string>) =>
  rows.reduce((total, row) => (row.figure === figure && siteIds.has(row.siteId) ? total + row.value : total), 0)

/**
 * Every unit's score for the rows given (the figures for the months scored): a count scores
 * weight × min(1, Σ value / target); a ratio weight × min(1, rate), where rate = part / whole, or,
 * with a whole under MIN_SAMPLE, (part + (MIN_SAMPLE − whole) × pooled) / MIN_SAMPLE, pooled being
 * the category's Σ part / Σ whole (0 when the category has no whole); no whole at all scores 0 (nothing
 * to show is not the category's average). Points to 0.01.
 */
export function scoreUnits(units: readonly Unit[], rows: readonly FigureValue[], weights: Weights): UnitScore[] {
  const byCategory = new Map<string, Set<string>>()
  for (const unit of units) byCategory.set(unit.category, (byCategory.get(unit.category) ?? new Set()).add(unit.id))
  return units.map((unit) => {
    const own = new Set([unit.id])
    const peers = byCategory.get(unit.category) ?? own
    const scored = indicators.map((indicator): IndicatorScore => {
      const weight = weights[indicator.key] ?? 0
      if (indicator.kind === 'count') {
        const value = sumOf(rows, indicator.figure, own)
        const rate = Math.min(1, value / indicator.target)
        return { key: indicator.key, name: indicator.name, category: indicator.category, weight, value, of: indicator.target, figures: [indicator.figure], smallSample: false, rate, points: round2(weight * rate) }
      }
      const part = sumOf(rows, indicator.part, own)
      const whole = sumOf(rows, indicator.whole, own)
      const smallSample = whole < MIN_SAMPLE
      const pooledWhole = sumOf(rows, indicator.whole, peers)
      const pooled = pooledWhole > 0 ? Math.min(1, sumOf(rows, indicator.part, peers) / pooledWhole) : 0
      const raw = whole === 0 ? 0 : smallSample ? (Math.min(part, whole) + (MIN_SAMPLE - whole) * pooled) / MIN_SAMPLE : part / whole
      const rate = Math.min(1, raw)
      return { key: indicator.key, name: indicator.name, category: indicator.category, weight, value: part, of: whole, figures: [indicator.part, indicator.whole], smallSample, rate, points: round2(weight * rate) }
    })
    return { siteId: unit.id, name: unit.name, category: unit.category, total: round2(scored.reduce((t, i) => t + i.points, 0)), indicators: scored }
  })
}

/** 捆绑考评: a unit's final score is JOINT_OWN × its own + (1 − JOINT_OWN) × the alliance index. */
export const JOINT_OWN = 0.8

/** The alliance index: the mean of every unit's own total, to 0.01 (0 with no units). */
export const allianceIndex = (scores: readonly UnitScore[]) =>
  scores.length === 0 ? 0 : round2(scores.reduce((t, s) => t + s.total, 0) / scores.length)

export interface Ranked extends UnitScore {
  /** JOINT_OWN × total + (1 − JOINT_OWN) × the alliance index, to 0.01. */
  final: number
  /** Within the unit's category, by final score; equal scores (to 0.01) share a rank (1, 1, 3). */
  rank: number
}

export function rankUnits(scores: readonly UnitScore[], index: number): Ranked[] {
  const finals = scores.map((score) => ({ ...score, final: round2(JOINT_OWN * score.total + (1 - JOINT_OWN) * index) }))
  const sorted = finals.sort((a, b) => a.category.localeCompare(b.category) || b.final - a.final || a.siteId.localeCompare(b.siteId))
  return sorted.map((score) => ({ ...score, rank: 1 + sorted.filter((other) => other.category === score.category && other.final > score.final).length }))
}

/** The months of a year. */
export const yearMonths = (year: number) => ({ from: `${year}-01`, to: `${year}-12` })

export interface Scheme {
  year: number
  /** 0: the default, not yet saved for the year. */
  version: number
  weights: Weights
  savedAt: string | null
}

export interface YearRanking {
  year: number
  scheme: Scheme
  /** The last month counted (the year so far). */
  through: string
  /** The mean of every unit's own total: a fifth of each unit's final score (捆绑考评). */
  allianceIndex: number
  units: Ranked[]
}

export interface UnitResult extends Ranked {
  year: number
  scheme: Scheme
  through: string
  allianceIndex: number
}
