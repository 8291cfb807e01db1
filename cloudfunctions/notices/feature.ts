/** The notices feature: its function, its tables and its demo data. */
import type { Feature } from '../core/feature'
import { demo } from './demo'
import { definition, main } from './index'

export const feature: Feature = { definition, main, tables: ['site_followers', 'notices', 'subscription_grants', 'outbox', 'notifications'], demo }
