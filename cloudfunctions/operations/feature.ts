/** The operations feature (site operations, 六有): its function, its tables, its demo data and figures. */
import type { Feature } from '../core/feature'
import { demo } from './demo'
import { figures } from './figures'
import { definition, main } from './index'

export const feature: Feature = { definition, main, tables: ['operation_profiles', 'operation_evidence', 'operation_plan_items', 'operation_visits', 'operation_visit_items', 'operation_archive_counters', 'operation_archive_items', 'operation_exit_proposals'], demo, figures }
