/** Every cloud function the host serves, by name: the same entries that are deployed. */
import * as account from '../account'
import * as activities from '../activities'
import * as admin from '../admin'
import * as checkin from '../checkin'
import * as duty from '../duty'
import * as feedback from '../feedback'
import * as notices from '../notices'
import type { CloudFunction } from '../core/router'
import * as sites from '../sites'
import * as topics from '../topics'
import * as votes from '../votes'

type Entry = { definition: CloudFunction; main: (event: unknown, context: unknown) => Promise<unknown> }

export const cloudFunctions: Record<string, Entry> = { sites, checkin, account, admin, notices, topics, votes, feedback, activities, duty }
