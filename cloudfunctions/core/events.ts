/**
 * Publishing a domain event (src/domain/events.ts): the reactions that `cloudfunctions/reactions.ts`
 * lists run in the publisher's transaction, so a fact and the messages it causes commit or roll back
 * together. Every event has a reaction: publishing one nobody reacts to is a wiring bug, and fails
 * rather than telling nobody.
 */
import type { DomainEvent, EventOf, EventType } from '../../src/domain/events'
import { reactions } from '../reactions'
import type { Queryable } from './db'

export interface EventScope {
  db: Queryable
  now: Date
  /** A reaction's own facts are events too, published in the same transaction. */
  publish(event: DomainEvent): Promise<number>
}

/** A reaction answers how many messages it queued that were new. */
export type Reaction<E> = (tx: EventScope, event: E) => Promise<number>
export type Reactions = { [T in EventType]?: Reaction<EventOf<T>> }

export async function publish(tx: Omit<EventScope, 'publish'>, event: DomainEvent): Promise<number> {
  const scope: EventScope = { ...tx, publish: (next) => publish(tx, next) }
  const heard = reactions.map((list) => list[event.type] as Reaction<DomainEvent> | undefined).filter((react) => react !== undefined)
  if (heard.length === 0) throw new Error(`no feature reacts to the event ${event.type}`)
  let told = 0
  for (const react of heard) told += await react(scope, event)
  return told
}
