/** Every cloud function the host serves, by name: the same entries that are deployed. */
import * as account from '../account'
import * as admin from '../admin'
import * as checkin from '../checkin'
import * as sites from '../sites'
import type { CloudFunction } from '../core/router'

type Entry = { def: CloudFunction; main: (event: unknown, context: unknown) => Promise<unknown> }

export const cloudFunctions: Record<string, Entry> = {
  sites: { def: sites.sites, main: sites.main },
  checkin: { def: checkin.checkin, main: checkin.main },
  account: { def: account.account, main: account.main },
  admin: { def: admin.admin, main: admin.main },
}
