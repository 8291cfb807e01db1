/** The votes feature: its function, its tables and its demo data. */
import type { Feature } from '../core/feature'
import { definition, main } from './index'

export const feature: Feature = { definition, main, publishes: ['ballot.opened', 'ballot.closed', 'topic.surging'], tables: ['site_cycle_settings', 'cycles', 'votes', 'topic_surges'] }
