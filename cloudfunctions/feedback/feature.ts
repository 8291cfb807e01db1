/** The feedback feature: its function, its tables, the events it publishes and its demo data. */
import type { Feature } from '../core/feature'
import { demo } from './demo'
import { figures } from './figures'
import { definition, main } from './index'

export const feature: Feature = {
  definition,
  main,
  tables: ['units', 'calendar_days', 'category_due_days', 'assignments', 'assignment_notes', 'supervision_events', 'topic_outcomes', 'ratings', 'rating_appeals'],
  publishes: ['assignment.made', 'assignment.change_requested', 'assignment.change_decided', 'assignments.escalated', 'assignments.reopened', 'rating.appealed', 'appeal.decided'],
  demo,
  figures,
}
