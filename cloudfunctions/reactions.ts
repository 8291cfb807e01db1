/**
 * The reactions to domain events, one line per feature that reacts. Unlike the feature list, this
 * one reaches every deployed function: a publisher's bundle carries the reactions, which run in its
 * transaction (core/events.ts).
 */
import type { Reactions } from './core/events'
import { reactions as activities } from './activities/reactions'
import { reactions as duty } from './duty/reactions'
import { reactions as notices } from './notices/reactions'
import { reactions as topics } from './topics/reactions'

export const reactions: readonly Reactions[] = [activities, topics, notices, duty]
