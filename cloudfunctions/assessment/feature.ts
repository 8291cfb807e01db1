/** The assessment feature: its function and its tables; it reads the other features' figures only. */
import type { Feature } from '../core/feature'
import { demo } from './demo'
import { definition, main } from './index'

export const feature: Feature = {
  definition,
  main,
  demo,
  publishes: ['bulletin.frozen', 'bulletin.published', 'bulletin.appeal_decided'],
  tables: ['assessment_schemes', 'assessment_bulletins', 'assessment_appeals'],
}
