/** The assessment screens' shared labels: years and months in Shanghai, a change with its sign, an indicator's parts. */
import type { IndicatorScore } from '@/domain/assessment'
import { addMonths } from '@/domain/cycle'
import { shanghaiDay } from '@/domain/time'

export const thisYear = () => Number(shanghaiDay(new Date()).slice(0, 4))
/** The last month that is over: the bulletin's default. */
export const lastMonth = () => addMonths(shanghaiDay(new Date()).slice(0, 7), -1)
export const monthLabel = (month: string) => `${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月`
export const changeLabel = (change: number) => (change > 0 ? `比上月增加 ${change}` : change < 0 ? `比上月减少 ${-change}` : '与上月持平')
export const points = (x: number) => x.toFixed(2)

/** "满意评价 5 / 评价 6" for a ratio, "开展活动 3（目标 12）" for a count. */
export function partsLabel(i: IndicatorScore, labels: Readonly<Record<string, string>> = {}): string {
  if (i.figures.length === 2) {
    const [part, whole] = i.figures.map((f) => labels[f] ?? f)
    return `${part} ${i.value} / ${whole} ${i.of}${i.smallSample ? ' · 样本不足' : ''}`
  }
  return `${i.value}（全年目标 ${i.of}）`
}
