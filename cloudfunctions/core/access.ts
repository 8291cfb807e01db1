/**
 * Who may call each function × action: the one table. The router refuses a call whose action has
 * no row here, and a test fails when a function's action is missing from it.
 */
import type { Role } from '../../src/domain/roles'

const everyone: readonly Role[] = ['resident']
const siteManagers: readonly Role[] = ['site_admin', 'staff', 'admin']
const screeners: readonly Role[] = ['site_admin', 'staff', 'admin', 'auditor']
const profileIssuers: readonly Role[] = ['staff', 'admin']
const noticeSenders: readonly Role[] = ['site_admin', 'staff', 'admin']
const dutyReaders: readonly Role[] = ['staff', 'admin', 'auditor']
/** Those who write text the public will read: replies, notes, summaries, meeting records. */
const publicWriters: readonly Role[] = ['site_admin', 'unit_handler', 'staff', 'admin']

export const access: Record<string, Record<string, readonly Role[]>> = {
  sites: { list: everyone, get: everyone, code: siteManagers },
  checkin: { scan: everyone, mine: everyone },
  account: { me: everyone, bind: everyone, maskPreview: publicWriters, claimPhotos: everyone },
  admin: { createProfile: profileIssuers, listProfiles: profileIssuers },
  notices: {
    publish: noticeSenders,
    withdraw: noticeSenders,
    pin: noticeSenders,
    sent: noticeSenders,
    deliveries: noticeSenders,
    inbox: everyone,
    open: everyone,
    read: everyone,
    unread: everyone,
    authorize: everyone,
    follow: everyone,
    followState: everyone,
  },
  topics: {
    propose: everyone,
    edit: everyone,
    similar: everyone,
    screen: screeners,
    get: everyone,
    list: everyone,
    follow: everyone,
    recordMeeting: siteManagers,
  },
  feedback: {
    units: everyone,
    saveUnit: profileIssuers,
    calendar: everyone,
    setDay: profileIssuers,
    setDueDays: profileIssuers,
    assign: profileIssuers,
    assignments: ['unit_handler', 'staff', 'admin', 'auditor'],
    acknowledge: ['unit_handler'],
    progress: ['unit_handler'],
    reassign: profileIssuers,
    reply: ['unit_handler'],
    supervise: profileIssuers,
    publish: profileIssuers,
    outcomes: everyone,
    story: everyone,
    rate: everyone,
    appeal: ['unit_handler'],
    decideAppeal: profileIssuers,
    unitStats: ['staff', 'admin', 'auditor'],
  },
  activities: {
    create: siteManagers,
    list: everyone,
    get: everyone,
    signup: everyone,
    cancel: everyone,
    // Organisers may be members: the activity's own rule (organiser or site manager) decides.
    code: everyone,
    checkin: everyone,
    signups: everyone,
    attendance: everyone,
    attend: everyone,
    unattend: everyone,
    exportAttendance: everyone,
    studio: everyone,
  },
  duty: { mine: ['member'], member: dutyReaders, members: dutyReaders, export: dutyReaders, correct: profileIssuers },
  votes: { configure: siteManagers, ballot: everyone, cast: everyone, withdraw: everyone, results: everyone },
}

export function mayCall(fn: string, action: string, roles: ReadonlySet<Role>): boolean | undefined {
  const allowed = access[fn]?.[action]
  if (!allowed) return undefined
  return allowed.some((role) => roles.has(role))
}
