/**
 * The 社情民意 funnel: how many suggestions were collected, accepted, written into 提案 and 专报,
 * adopted and endorsed, with every rate beside its denominator, and the report's round wording
 * ("800余条"). Pure: the function counts, this shapes.
 */

/** The stages, each a count of suggestions (merged duplicates counted once, in the one kept). */
export const funnelStages = ['collected', 'accepted', 'inProposals', 'inReports', 'adopted', 'endorsed'] as const
export type FunnelStage = (typeof funnelStages)[number]
export const funnelStageLabels: Record<FunnelStage, string> = {
  collected: '收集建议',
  accepted: '采纳建议',
  inProposals: '转化为提案',
  inReports: '转化为专报',
  adopted: '被采用',
  endorsed: '获批示',
}

/** The outputs, each a count of 提案 or 专报. */
export interface FunnelOutputs {
  proposals: number
  reportsSubmitted: number
  reportsAdopted: number
  reportsEndorsed: number
}

export interface FunnelRate {
  label: string
  part: number
  whole: number
  partLabel: string
  wholeLabel: string
  /** The rate as shown, with its denominator: "采用率 = 采用 23 / 报送 110". */
  text: string
}

export interface Funnel {
  year: number
  stages: Record<FunnelStage, number>
  outputs: FunnelOutputs
  rates: FunnelRate[]
  /** The report's wording: "800余条 / 35件 / 110余篇". */
  headline: string
}


/**
 * A count in the report's round wording. Under 100 the number itself; from 100 it is rounded down
 * to tens (100–499) or to hundreds (500 and up) and followed by 余 when anything was rounded away:
 * 35 → 35, 112 → 110余, 800 → 800, 812 → 800余, 1234 → 1200余.
 */
export function roundWording(n: number): string {
  if (n < 100) return String(n)
  const step = n < 500 ? 10 : 100
  const floor = Math.floor(n / step) * step
  return floor === n ? String(n) : `${floor}余`
}

function rate(label: string, partLabel: string, part: number, wholeLabel: string, whole: number): FunnelRate {
  const percent = whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`
  return { label, part, whole, partLabel, wholeLabel, text: `${label} ${percent} = ${partLabel} ${part} / ${wholeLabel} ${whole}` }
}

export function funnelOf(year: number, stages: Record<FunnelStage, number>, outputs: FunnelOutputs): Funnel {
  const converted = Math.max(stages.inProposals, stages.inReports)
  return {
    year,
    stages,
    outputs,
    rates: [
      rate('采纳率', '采纳', stages.accepted, '收集', stages.collected),
      rate('转化率', '写入提案或专报', converted, '采纳', stages.accepted),
      rate('采用率', '采用', outputs.reportsAdopted, '报送', outputs.reportsSubmitted),
      rate('批示率', '批示', outputs.reportsEndorsed, '报送', outputs.reportsSubmitted),
    ],
    headline: `${roundWording(stages.collected)}条 / ${roundWording(outputs.proposals)}件 / ${roundWording(outputs.reportsSubmitted)}篇`,
  }
}

/** The funnel as CSV rows (src/domain/csv.ts writes them): stages, outputs, then each rate with its parts. */
export function funnelRows(funnel: Funnel): unknown[][] {
  return [
    ['项目', '数量', '分母'],
    ...funnelStages.map((stage) => [funnelStageLabels[stage], funnel.stages[stage], '']),
    ['立案提案（件）', funnel.outputs.proposals, ''],
    ['报送专报（篇）', funnel.outputs.reportsSubmitted, ''],
    ['被采用专报（篇）', funnel.outputs.reportsAdopted, ''],
    ['获批示专报（篇）', funnel.outputs.reportsEndorsed, ''],
    ...funnel.rates.map((r) => [r.text, r.part, r.whole]),
  ]
}
