/**
 * Recurring bookings (每周重复): a weekly series of up to 26 occurrences, each answered on its own.
 * By default a series is all or nothing: one occurrence refused and none is booked; `partial` books
 * the free ones and lists the rest with their reason.
 */
import type { Span } from '.'
import type { ErrorCode } from '../errors'

export const MAX_OCCURRENCES = 26
const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/** The occurrences of a weekly series: the same Shanghai clock times, a week apart (Shanghai keeps no daylight saving). */
export const weeklyOccurrences = (start: Date, end: Date, count: number): { start: Date; end: Date }[] =>
  Array.from({ length: count }, (_, i) => ({ start: new Date(start.getTime() + i * WEEK_MS), end: new Date(end.getTime() + i * WEEK_MS) }))

/** One occurrence's answer: booked (its booking and state), or the code and message it was refused with. */
export type Occurrence = Span & (
  | { result: 'created'; id: number; status: 'pending' | 'confirmed' }
  | { result: ErrorCode; message: string }
)
