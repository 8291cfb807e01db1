/**
 * The days of a window that have a free slot: the days of `freeStarts`, the booking page's own rule
 * (opening hours, closed weekdays and holidays, notice and horizon, buffers, busy spans), for
 * ranking hundreds of resources at once.
 */
import { freeStarts, type BookingRules } from '.'
import type { Calendar } from '../feedback'
import { shanghaiDay } from '../time'

export const freeDays = (
  rules: BookingRules, busy: readonly { from: Date; to: Date }[], now: Date, from: string, days: number, minutes: number, calendar: Calendar,
): string[] => [...new Set(freeStarts(rules, busy, now, from, days, minutes, calendar).map((at) => shanghaiDay(new Date(at))))]
