/**
 * Status values have one definition: each CHECK list in the schema equals the TypeScript list the
 * code and the pages use, and every such CHECK list has one. A value added on one side only fails.
 */
import { triggers } from '../../cloudfunctions/core/jobs'
import { activityKinds, attendanceVias, audiences, signupStatuses } from '../../src/domain/activities'
import { bulletinAppealStatuses, storedBulletinStatuses } from '../../src/domain/assessment/bulletin'
import { cycleStatuses } from '../../src/domain/cycle'
import { appealStatuses, assignmentStatuses, dayKinds, noteKinds } from '../../src/domain/feedback'
import { locationStatuses } from '../../src/domain/geo'
import { deliveryKinds, deliveryStatuses, noticeStatuses } from '../../src/domain/notices'
import { opinionChannels, reportStates, suggestionMoves, suggestionStates } from '../../src/domain/opinions'
import { proposalMoves, proposalStates, proposerRoles, replyGrades, reportTimelineMoves, satisfactions } from '../../src/domain/opinions/proposals'
import { archiveParts, dimensions, evidenceDimensions, exitDecisions, fileKinds, visitStages, visitVerdicts } from '../../src/domain/operations'
import { bookingStatuses, countingStatuses, resourceKinds, resourceStatuses } from '../../src/domain/resources'
import { dataRequestStatuses, deidLevels } from '../../src/domain/resources/sharing'
import { identityLinks, identityProviders, oauthScopes, sessionClients } from '../../src/domain/signin'
import { siteCategories, siteKinds } from '../../src/domain/sites'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

/** `table.column` → the list in src/domain that defines its values. */
const DEFINED: Record<string, readonly string[]> = {
  'sites.kind': siteKinds,
  'sites.category': siteCategories,
  'activities.kind': activityKinds,
  'activities.audience': audiences,
  'activity_signups.status': signupStatuses,
  'activity_attendance.via': attendanceVias,
  'cycles.status': cycleStatuses,
  'assignments.status': assignmentStatuses,
  'assignment_notes.kind': noteKinds,
  'rating_appeals.status': appealStatuses,
  'calendar_days.kind': dayKinds,
  'checkins.location_status': locationStatuses,
  'notices.status': noticeStatuses,
  'outbox.kind': deliveryKinds,
  'outbox.status': deliveryStatuses,
  'job_runs.trigger': triggers,
  'resources.kind': resourceKinds,
  'resources.status': resourceStatuses,
  'assessment_bulletins.status': storedBulletinStatuses,
  'assessment_appeals.status': bulletinAppealStatuses,
  'resource_bookings.status': bookingStatuses,
  'operation_evidence.dimension': [...evidenceDimensions, 'archive'],
  'operation_evidence.file_kind': fileKinds,
  'operation_evidence.part': archiveParts,
  'operation_visit_items.dimension': dimensions,
  'operation_visit_items.verdict': visitVerdicts,
  'suggestions.channel': opinionChannels,
  'suggestions.state': suggestionStates,
  'suggestion_timeline.move': suggestionMoves,
  'opinion_reports.state': reportStates,
  'proposals.state': proposalStates,
  'proposal_proposers.role': proposerRoles,
  'proposal_replies.grade': replyGrades,
  'proposal_replies.satisfaction': satisfactions,
  'proposal_timeline.move': proposalMoves,
  'report_timeline.move': reportTimelineMoves,
  'operation_visits.stage': visitStages,
  'operation_exit_proposals.decision': exitDecisions,
  'resource_data_requests.level': deidLevels,
  'resource_data_requests.status': dataRequestStatuses,
  'user_identities.provider': identityProviders,
  'user_identities.linked_by': identityLinks,
  'sessions.client': sessionClients,
  'oauth_states.scope': oauthScopes,
}

describe(`status values on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime('2026-11-20T02:00:00Z')
  })
  afterAll(() => rt.close())

  it('has one list per CHECK: the schema and src/domain agree', async () => {
    const checks = await rt.db.query<{ tbl: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS tbl, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'c' AND n.nspname = current_schema()`,
    )
    const inSchema: Record<string, string[]> = {}
    for (const { tbl, def } of checks) {
      for (const match of def.matchAll(/\(?(\w+)\)? = ANY \(\(?ARRAY\[([^\]]*)\]/g)) {
        inSchema[`${tbl}.${match[1]}`] = [...match[2].matchAll(/'((?:[^']|'')*)'/g)].map((value) => value[1])
      }
    }
    expect(Object.keys(inSchema).sort()).toEqual(Object.keys(DEFINED).sort())
    for (const [column, values] of Object.entries(DEFINED)) expect([column, [...inSchema[column]].sort()]).toEqual([column, [...values].sort()])
  })
  it('lets the bookings that hold a slot be exactly the ones the exclusion constraints count (those that filter by status)', async () => {
    const exclusions = await rt.db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'x' AND n.nspname = current_schema()`,
    )
    const byStatus = exclusions.filter(({ def }) => def.includes('status'))
    expect(byStatus.length).toBeGreaterThan(0)
    for (const { def } of byStatus) {
      const counted = /status = ANY \(\(?ARRAY\[([^\]]*)\]/.exec(def)?.[1] ?? ''
      expect([...counted.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]).sort()).toEqual([...countingStatuses].sort())
    }
  })
})
