/** The assessment's pure scoring: counts against targets, ratios from their parts, small samples shrunk, ties ranked alike. */
import { bulletinFigures } from '../../src/domain/assessment/bulletin'
import { allianceIndex, defaultWeights, figureNames, indicators, MIN_SAMPLE, rankUnits, scoreUnits, WEIGHT_TOTAL, weightsProblem, type FigureValue } from '../../src/domain/assessment'

const units = [
  { id: 'A', name: '甲', category: 'flow' },
  { id: 'B', name: '乙', category: 'flow' },
  { id: 'C', name: '丙', category: 'flow' },
  { id: 'D', name: '丁', category: 'grassroots' },
]
const row = (figure: string, siteId: string, month: string, value: number): FigureValue => ({ figure, siteId, month, value })

describe('assessment scoring', () => {
  it('has default weights that are a valid scheme: 35 participation, 40 conversion, 25 satisfaction', () => {
    expect(weightsProblem(defaultWeights)).toBeUndefined()
    const by = (category: string) => indicators.filter((i) => i.category === category).reduce((t, i) => t + defaultWeights[i.key], 0)
    expect([by('participation'), by('conversion'), by('satisfaction')]).toEqual([35, 40, 25])
    expect(by('participation') + by('conversion') + by('satisfaction')).toBe(WEIGHT_TOTAL)
  })

  it('scores counts against their targets over the months, capped at the weight', () => {
    const rows = [row('activities.held', 'A', '2024-01', 2), row('activities.held', 'A', '2024-02', 1), row('activities.held', 'B', '2024-01', 30)]
    const [a, b] = scoreUnits(units, rows, defaultWeights)
    expect(a.indicators.find((i) => i.key === 'held')).toMatchObject({ value: 3, of: 12, points: 2.5, smallSample: false })
    expect(b.indicators.find((i) => i.key === 'held')).toMatchObject({ value: 30, points: 10 })
  })

  it('makes ratios from their parts, and shrinks a small sample toward the category\'s pooled ratio', () => {
    const rows = [
      row('feedback.ratings', 'A', '2024-03', 1), row('feedback.satisfied', 'A', '2024-03', 1), // one 5-star rating
      row('feedback.ratings', 'B', '2024-03', 9), row('feedback.satisfied', 'B', '2024-03', 6),
      row('feedback.ratings', 'D', '2024-03', 2), row('feedback.satisfied', 'D', '2024-03', 2), // another category
    ]
    const [a, b, c] = scoreUnits(units, rows, defaultWeights)
    const sat = (s: typeof a) => s.indicators.find((i) => i.key === 'satisfiedRate')!
    // pooled flow: 7 / 10 = 0.7; A: (1 + 4 × 0.7) / 5 = 0.76 → 25 × 0.76 = 19
    expect(sat(a)).toMatchObject({ value: 1, of: 1, smallSample: true, points: 19 })
    expect(sat(b)).toMatchObject({ value: 6, of: 9, smallSample: false, points: 16.67 })
    expect(sat(a).points).toBeLessThan(25)
    expect(sat(c)).toMatchObject({ value: 0, of: 0, smallSample: true, points: 0 })
    expect(MIN_SAMPLE).toBe(5)
  })

  it('ranks within a category by the joint score (0.8 × own + 0.2 × the alliance index), equal scores sharing a rank', () => {
    const rows = [row('activities.held', 'A', '2024-01', 6), row('activities.held', 'B', '2024-01', 6), row('activities.held', 'D', '2024-01', 1)]
    const scores = scoreUnits(units, rows, defaultWeights)
    // (5 + 5 + 0 + 0.83) / 4 = 2.7075 → 2.71; A: 0.8 × 5 + 0.2 × 2.71 = 4.542 → 4.54
    expect(allianceIndex(scores)).toBe(2.71)
    const ranked = rankUnits(scores, allianceIndex(scores))
    expect(ranked.map((u) => [u.siteId, u.total, u.final, u.rank])).toEqual([['A', 5, 4.54, 1], ['B', 5, 4.54, 1], ['C', 0, 0.54, 3], ['D', 0.83, 1.21, 1]])
  })

  it('freezes every figure the score reads into the bulletin, so a frozen month scores as published', () => {
    expect(figureNames.filter((name) => !bulletinFigures.includes(name))).toEqual([])
  })

  it('refuses weights that are not a scheme, each with its own message', () => {
    const without = Object.fromEntries(Object.entries(defaultWeights).filter(([key]) => key !== 'held'))
    expect(weightsProblem(without)).toBe('缺少“开展活动”的权重')
    expect(weightsProblem({ ...defaultWeights, bogus: 0 })).toBe('未知的指标：bogus')
    expect(weightsProblem({ ...defaultWeights, held: '10' })).toBe('“开展活动”的权重必须是数字')
    expect(weightsProblem({ ...defaultWeights, held: 9.5, people: 8.5 })).toBe('“开展活动”的权重必须是整数')
    expect(weightsProblem({ ...defaultWeights, held: -5, people: 23 })).toBe('“开展活动”的权重须在 0 到 100 之间')
    expect(weightsProblem({ ...defaultWeights, held: 11 })).toBe('权重合计须为 100，现为 101')
  })
})
