/** The topics feature: its function, its tables and its demo data. */
import type { Feature } from '../core/feature'
import { demo } from './demo'
import { figures } from './figures'
import { definition, main } from './index'

export const feature: Feature = { definition, main, publishes: ['topic.moved'], tables: ['topics', 'topic_grams', 'topic_timeline', 'topic_followers', 'topic_meetings'], demo, figures }
