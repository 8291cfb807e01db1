/**
 * The unit of work. A `Scope` is what a handler or job writes through: the database, the time of
 * the call, the audit log and the domain events, all bound to one queryable. `transaction` hands out
 * a scope bound to one database transaction, so a state change, its timeline row, its audit row and
 * the messages its events cause commit or roll back together.
 */
import { audit } from './audit'
import type { Db, Queryable } from './db'
import type { DomainEvent } from '../../src/domain/events'
import { publish } from './events'

export interface Scope {
  db: Queryable
  now: Date
  /** Records a privileged action in the audit log, in this scope's transaction when it has one. */
  audit(target: string, detail?: Record<string, unknown>): Promise<void>
  /** Publishes a domain event in this scope's transaction; answers how many new messages it caused. */
  publish(event: DomainEvent): Promise<number>
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
    publish: (event) => publish({ db, now }, event),
  }
}

/** Runs `work` in one transaction with a scope bound to it. */
export function transactionOf(db: Db, now: Date, actor: Actor) {
  return <T>(work: (tx: Scope) => Promise<T>): Promise<T> => db.transaction((tx) => work(scopeOf(tx, now, actor)))
}
