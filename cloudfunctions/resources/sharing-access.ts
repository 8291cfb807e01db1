/** Who may call resources' matching, calendar, expert, data and booking-to-activity actions at all (each handler judges the subject). */
import type { sharingContract } from '../../src/domain/resources/contract-sharing'
import { everyone, siteManagers } from '../core/access'
import type { Role } from '../../src/domain/roles'

export const sharingAccess: { [K in keyof typeof sharingContract]: readonly Role[] } = {
  match: everyone,
  calendar: everyone,
  feedLink: siteManagers,
  feedRevoke: siteManagers,
  details: siteManagers,
  // Experts are members, and members are residents too: the handler checks it is theirs.
  invitations: everyone,
  respond: everyone,
  contact: everyone,
  held: everyone,
  dataset: everyone,
  requestData: everyone,
  dataRequests: everyone,
  decideData: siteManagers,
  download: everyone,
  toActivity: siteManagers,
}
