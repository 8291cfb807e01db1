/**
 * notices: what reaches people. Following sites, staff notices to an audience (now or at a time),
 * the notice centre with read receipts, one-time subscription authorisations, the delivery log.
 * Its jobs publish scheduled notices and drain the outbox (in-app notifications and WeChat
 * subscription messages); it is the only function granted `subscribeMessage.send`.
 */
import { noticesContract } from '../../src/domain/notices/contract'
import { everyone, noticeSenders } from '../core/access'
import { drainOutbox } from './outbox'
import { createMain, defineFunction } from '../core/router'
import { authorize, follow, followState } from './follow'
import { inbox, markRead, open, unreadCount } from './inbox'
import { publishDue } from './publish'
import { deliveries, pin, publish, reach, sent, withdraw } from './staff'

export const definition = defineFunction({
  name: 'notices',
  contract: noticesContract,
  openapi: ['subscribeMessage.send', 'security.msgSecCheck'],
  access: {
      publish: noticeSenders,
      reach: noticeSenders,
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
  actions: {
    publish: (ctx) => publish(ctx, ctx.input),
    reach: ({ db, input, caller }) => reach(db, caller, input.audience),
    withdraw: ({ input, caller, transaction }) => transaction((tx) => withdraw(tx, caller, input.noticeId)),
    pin: ({ input, caller, transaction }) => transaction((tx) => pin(tx, caller, input.noticeId, input.pinned)),
    inbox: ({ db, input, caller }) => inbox(db, caller.userId, input),
    open: ({ db, input, caller, now }) => open(db, caller.userId, input.id, now),
    read: ({ db, input, caller, now }) => markRead(db, caller.userId, input, now),
    unread: async ({ db, caller }) => ({ unread: await unreadCount(db, caller.userId) }),
    sent: ({ db, input, caller }) => sent(db, caller, input),
    deliveries: ({ db, input, caller }) => deliveries(db, caller, input.noticeId, input),
    authorize: ({ db, input, caller, now }) => authorize(db, caller.userId, input.templates, now),
    follow: ({ db, input, caller, now }) => follow(db, caller.userId, input.siteId, input.follow, now),
    followState: ({ db, input, caller }) => followState(db, caller.userId, input.siteId),
  },
  jobs: {
    publishDue: { every: 1, run: publishDue },
    drainOutbox: { every: 1, run: ({ db, platform, now }) => drainOutbox(db, platform, now) },
  },
})

export const main = createMain(definition)
