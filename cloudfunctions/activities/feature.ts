/** The activities feature: its function, its tables and its demo data. */
import type { Feature } from '../core/feature'
import { demo } from './demo'
import { figures } from './figures'
import { definition, main } from './index'

export const feature: Feature = { definition, main, publishes: ['activity.starting', 'signup.promoted'], tables: ['activities', 'activity_invites', 'activity_signups', 'activity_attendance', 'member_facts'], demo, figures }
