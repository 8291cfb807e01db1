/** Booking in function tests: calls as a person, instants on Shanghai days, a plain room, the counts. */
import { main as resources } from '../../cloudfunctions/resources'
import type { Db } from '../../cloudfunctions/core/db'
import { caller } from './runtime'

export const as = (openid: string) => caller(resources, openid)
/** An instant on a Shanghai day at HH:mm (the tests' now is 2026-11-20 10:00 Shanghai, a Friday). */
export const at = (day: string, clock: string) => new Date(`${day}T${clock}:00+08:00`).toISOString()

export const book = (openid: string, resourceId: number, day: string, from: string, to: string, extra: object = {}) =>
  as(openid)('book', { resourceId, startsAt: at(day, from), endsAt: at(day, to), ...extra })

/** A venue of F01 with no buffers and no approval (unless `extra` says otherwise), made by staff. */
export async function plainRoom(extra: object = {}): Promise<number> {
  const made = await as('demo-staff')('save', { siteId: 'F01', kind: 'venue', name: '一楼活动室', capacity: 20, ...extra })
  expect(made.ok).toBe(true)
  return made.data.id as number
}

export const idOf = async (db: Db, name: string) => (await db.query<{ id: number }>('SELECT id FROM resources WHERE name = $1', [name]))[0].id
export const countOf = async (db: Db, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params))[0].n
