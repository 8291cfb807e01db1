/**
 * The features, one line each: the host serves their functions, applies their demo steps in this
 * order and runs their jobs; the build bundles each folder that has an `index.ts`. Adding a feature
 * is its folders (`cloudfunctions/<f>`, `src/domain/<f>`, `src/packages/<f>`) and one line here.
 */
import type { Db } from './core/db'
import type { Feature } from './core/feature'
import { applySeeds } from './core/seed'
import { feature as account } from './account/feature'
import { feature as assessment } from './assessment/feature'
import { feature as activities } from './activities/feature'
import { feature as admin } from './admin/feature'
import { feature as checkin } from './checkin/feature'
import { feature as duty } from './duty/feature'
import { feature as feedback } from './feedback/feature'
import { feature as opinions } from './opinions/feature'
import { feature as notices } from './notices/feature'
import { feature as resources } from './resources/feature'
import { feature as operations } from './operations/feature'
import { feature as sites } from './sites/feature'
import { feature as topics } from './topics/feature'
import { feature as votes } from './votes/feature'

export const features: readonly Feature[] = [sites, checkin, account, admin, activities, duty, topics, votes, notices, feedback, resources, operations, opinions, assessment]

/** Each feature's function by its name: the entries the host serves at /api/<name>, as deployed. */
export const cloudFunctions: Record<string, Feature> = Object.fromEntries(features.map((feature) => [feature.definition.name, feature]))

export const demoSteps = features.flatMap((feature) => feature.demo ?? [])
export const demoPeople = features.flatMap((feature) => feature.personas ?? [])

/** Applies the demo steps not yet applied; answers their names. */
export function seedDemo(db: Db, now: Date, activityDays = 60): Promise<string[]> {
  return applySeeds(db, demoSteps, { now, activityDays })
}
