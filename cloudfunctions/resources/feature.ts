/** The resources feature: its function, its tables, its demo data and its figures. */
import type { Feature } from '../core/feature'
import { demo } from './demo'
import { sharingDemo } from './demo-sharing'
import { figures } from './figures'
import { definition, main } from './index'

export const feature: Feature = {
  definition,
  main,
  publishes: ['booking.requested', 'booking.confirmed', 'booking.declined', 'booking.cancelled', 'booking.series', 'booking.expired', 'booking.no_show', 'booking.suspended'],
  tables: ['resources', 'resource_bookings', 'resource_holds', 'resource_sessions', 'resource_suspensions', 'resource_data_requests', 'resource_feeds'],
  demo: [...demo, ...sharingDemo],
  figures,
}
