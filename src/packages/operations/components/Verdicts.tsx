/** One 达标 / 需整改 / 不达标 choice per dimension, for the self-assessment, the visit and the review. */
import { View } from '@tarojs/components'
import { dimensionLabels, verdictLabels, visitVerdicts, type Dimension, type VisitVerdict } from '@/domain/operations'

/** Taro's View props omit tabIndex; h5 passes it on, so keyboard users can reach each choice. */
const focusable: object = { tabIndex: 0 }

export type VerdictChoice = Partial<Record<Dimension, VisitVerdict>>

export function Verdicts({ dimensions, value, onChange }: { dimensions: readonly Dimension[]; value: VerdictChoice; onChange(value: VerdictChoice): void }) {
  return (
    <>
      {dimensions.map((dimension) => (
        <View key={dimension} role='radiogroup' aria-label={dimensionLabels[dimension]}>
          <View className='title' style={{ padding: '0.5em 1em 0' }}>{dimensionLabels[dimension]}</View>
          <View className='verdicts'>
            {visitVerdicts.map((verdict) => (
              <View key={verdict} role='radio' aria-checked={value[dimension] === verdict} {...focusable}
                className={`verdict${value[dimension] === verdict ? ' verdict-on' : ''}`} onClick={() => onChange({ ...value, [dimension]: verdict })}>
                {verdictLabels[verdict]}
              </View>
            ))}
          </View>
        </View>
      ))}
    </>
  )
}

/** The chosen verdicts as the actions take them, once every dimension has one. */
export function itemsOf(dimensions: readonly Dimension[], value: VerdictChoice): { dimension: Dimension; verdict: VisitVerdict }[] | undefined {
  if (dimensions.some((dimension) => !value[dimension])) return undefined
  return dimensions.map((dimension) => ({ dimension, verdict: value[dimension]! }))
}
