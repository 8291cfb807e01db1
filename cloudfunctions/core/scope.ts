/**
 * The unit of work. A `Scope` is what a handler or job writes through: the database, the time of
 * the call, the audit log and the outbox, all bound to one queryable. `transaction` hands out a
 * scope bound to one database transaction, so a state change, its timeline row, its audit row and
 * its outgoing messages commit or roll back together.
 */
import { audit } from './audit'
import type { Db, Queryable } from './db'
import { enqueue, enqueueEach, type OutboxKind, type OutboxPayload } from './outbox'

export interface Outbox {
  /**
   * Queues a message for the drain job (only it calls the platform). `dedupeKey` is unique across
   * the outbox: enqueuing the same key again does nothing and answers false.
   */
  enqueue<K extends OutboxKind>(kind: K, recipientUserId: number, payload: OutboxPayload[K], dedupeKey: string): Promise<boolean>
  /** The same message to each recipient in one statement, keyed `<keyPrefix>:<user id>`; answers how many were new. */
  enqueueEach<K extends OutboxKind>(kind: K, recipientUserIds: number[], payload: OutboxPayload[K], keyPrefix: string): Promise<number>
}

export interface Scope {
  db: Queryable
  now: Date
  /** Records a privileged action in the audit log, in this scope's transaction when it has one. */
  audit(target: string, detail?: Record<string, unknown>): Promise<void>
  outbox: Outbox
}

export interface Actor {
  userId: number | null
  fn: string
  action: string
}

export function scopeOf(db: Queryable, now: Date, actor: Actor): Scope {
  return {
    db,
    now,
    audit: (target, detail) => audit(db, now, actor, target, detail),
    outbox: {
      enqueue: (kind, recipient, payload, key) => enqueue(db, now, kind, recipient, payload, key),
      enqueueEach: (kind, recipients, payload, prefix) => enqueueEach(db, now, kind, recipients, payload, prefix),
    },
  }
}

/** Runs `work` in one transaction with a scope bound to it. */
export function transactionOf(db: Db, now: Date, actor: Actor) {
  return <T>(work: (tx: Scope) => Promise<T>): Promise<T> => db.transaction((tx) => work(scopeOf(tx, now, actor)))
}
