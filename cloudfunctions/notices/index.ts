/**
 * notices: what reaches people. For now its one job drains the outbox (in-app notifications and
 * WeChat subscription messages); it is the only function granted `subscribeMessage.send`.
 */
import { noticesContract } from '../../src/domain/contracts/notices'
import { drainOutbox } from '../core/outbox'
import { createMain, defineFunction } from '../core/router'

export const definition = defineFunction({
  name: 'notices',
  contract: noticesContract,
  openapi: ['subscribeMessage.send'],
  actions: {},
  jobs: {
    drainOutbox: { every: 1, run: ({ db, platform, now }) => drainOutbox(db, platform, now) },
  },
})

export const main = createMain(definition)
