/**
 * Every feature's figures, one line per feature that reports any: what the assessment reads (it
 * reads no other feature's tables). The same lists as the manifests' `figures` (the feature list
 * names them too; tests/functions/assessment.test.ts checks the two agree), kept apart so a
 * deployed function's bundle carries the SQL texts without the manifests and their demo data.
 */
import type { Figure } from './core/figures'
import { figures as activities } from './activities/figures'
import { figures as checkin } from './checkin/figures'
import { figures as feedback } from './feedback/figures'
import { figures as operations } from './operations/figures'
import { figures as opinions } from './opinions/figures'
import { figures as resources } from './resources/figures'
import { figures as topics } from './topics/figures'

export const figures: readonly Figure[] = [...checkin, ...activities, ...topics, ...feedback, ...resources, ...operations, ...opinions]
