/** The opinions feature (社情民意): its function, its tables, the events it publishes and its demo data. */
import type { Feature } from '../core/feature'
import { demo } from './demo'
import { figures } from './figures'
import { definition, main } from './index'

export const feature: Feature = {
  definition,
  main,
  tables: [
    'suggestions', 'suggestion_grams', 'suggestion_timeline', 'opinion_reports', 'report_suggestions', 'report_timeline',
    'proposals', 'proposal_proposers', 'proposal_suggestions', 'proposal_units', 'proposal_replies', 'proposal_timeline', 'opinion_handoffs',
  ],
  publishes: ['suggestion.decided', 'report.moved', 'proposal.moved', 'handoff.made', 'handoff.replied', 'opinion.credited'],
  demo,
  figures,
}
