/**
 * A booking in a calendar: its .ics file (h5), its event in a unit's feed, and what the phone
 * calendar is given (weapp). One UID per booking for life; the SEQUENCE is the booking's own
 * (the database raises it on every change); a booking no longer holding its slot is cancelled.
 */
import { icsCalendar, type IcsEvent } from '../ics'
import type { BookingStatus } from '.'
import type { PhoneCalendarEvent } from './sharing'

/** The UID of a booking's event: the same in its file, in the feed and after every change. */
export const bookingUid = (bookingId: number) => `booking-${bookingId}@resources.xieshang-lianmeng`

export interface CalendarBooking {
  id: number
  sequence: number
  status: BookingStatus
  startsAt: Date
  endsAt: Date
  resourceName: string
  siteName: string
  purpose: string
  /** The unit it was booked for, when one. */
  forSiteName: string | null
}

/** Pending holds the slot (TENTATIVE); confirmed and checked in are CONFIRMED; anything else is gone from the calendar. */
export function eventStatus(status: BookingStatus): IcsEvent['status'] {
  if (status === 'pending') return 'TENTATIVE'
  return status === 'confirmed' || status === 'checked_in' ? 'CONFIRMED' : 'CANCELLED'
}

const describe = (b: CalendarBooking) => [b.purpose, b.forSiteName ? `预约单位：${b.forSiteName}` : ''].filter(Boolean).join('\n')

export function bookingEvent(b: CalendarBooking, stamp: Date): IcsEvent {
  return {
    uid: bookingUid(b.id), sequence: b.sequence, stamp, start: b.startsAt, end: b.endsAt,
    summary: `${b.resourceName}${b.status === 'pending' ? '（待审核）' : ''}`,
    location: `${b.siteName} ${b.resourceName}`, description: describe(b), status: eventStatus(b.status),
  }
}

/** One booking's file: PUBLISH while it holds its slot, CANCEL (same UID, its higher SEQUENCE) once it does not. */
export function bookingIcs(b: CalendarBooking, stamp: Date): string {
  const event = bookingEvent(b, stamp)
  return icsCalendar({ method: event.status === 'CANCELLED' ? 'CANCEL' : 'PUBLISH', events: [event] })
}

/** A unit's feed: every booking of its resources in the window, cancelled ones marked so (a subscribed calendar removes them). */
export const unitFeed = (unitName: string, bookings: readonly CalendarBooking[], stamp: Date) =>
  icsCalendar({ method: 'PUBLISH', name: `${unitName}·资源预约`, events: bookings.map((b) => bookingEvent(b, stamp)) })

/** The phone calendar's event (addPhoneCalendar): unix seconds, a reminder an hour before. */
export const phoneEvent = (b: CalendarBooking): PhoneCalendarEvent => ({
  title: b.resourceName,
  startTime: Math.floor(b.startsAt.getTime() / 1000),
  endTime: Math.floor(b.endsAt.getTime() / 1000),
  location: `${b.siteName} ${b.resourceName}`,
  description: describe(b),
  alarmOffset: 3600,
})
