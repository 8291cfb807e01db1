/** The checkin feature: its function, its tables and its demo data. */
import type { Feature } from '../core/feature'
import { figures } from './figures'
import { definition, main } from './index'

export const feature: Feature = { definition, main, tables: ['checkins', 'assisted_people', 'assisted_checkins', 'assisted_cards'], figures }
