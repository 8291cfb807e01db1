/** The account feature: its function, its tables and its demo data. */
import type { Feature } from '../core/feature'
import { demo, demoPeople } from './demo'
import { definition, main } from './index'

export const feature: Feature = { definition, main, publishes: ['profile.bound'], tables: ['user_roles'], demo, personas: demoPeople }
