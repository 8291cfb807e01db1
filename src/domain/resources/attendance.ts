/**
 * Showing up (签到) and not showing up (爽约): the booker checks in with the site's code from 15
 * minutes before the start to 15 after; a confirmed booking nobody checked in to by then is a
 * no-show and frees its slot. Three no-shows within 90 days suspend booking for 30 days (never
 * reset at the year's end); staff may lift a suspension with a reason, which forgives its no-shows.
 * A pending booking nobody decided within 2 working days expires.
 */
export const CHECKIN_EARLY_MIN = 15
export const CHECKIN_LATE_MIN = 15
export const NO_SHOW_LIMIT = 3
export const NO_SHOW_WINDOW_DAYS = 90
export const SUSPENSION_DAYS = 30
export const PENDING_WORKING_DAYS = 2

const MINUTE = 60_000

/** The instants between which a booking starting at `start` may be checked in to. */
export const checkinWindow = (start: Date) => ({
  from: new Date(start.getTime() - CHECKIN_EARLY_MIN * MINUTE),
  to: new Date(start.getTime() + CHECKIN_LATE_MIN * MINUTE),
})

/** A person's booking standing: their no-shows still counted and, when suspended, until when. */
export interface Standing {
  noShows: number
  suspendedUntil: string | null
}

/** A suspension as staff see it. */
export interface Suspension {
  id: number
  personId: number
  personName: string
  startsAt: string
  endsAt: string
  /** Lifted by staff (with `note`), or null while it runs its course. */
  liftedAt: string | null
  note: string | null
}

/** A resource's free slots in a window, as browsing by date shows it. */
export interface Availability {
  resourceId: number
  name: string
  siteName: string
  free: number
  first: { startsAt: string; endsAt: string } | null
}
