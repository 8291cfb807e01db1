/** Small pieces the activity pages share. */
import type { ActivitySummary, SignupStatus } from '@/domain/activities'
import { activityKindLabels, activityUrl, activityWhen } from '@/domain/activities'
import { shanghaiClock } from '@/domain/time'

export const when = activityWhen

export const seats = (a: Pick<ActivitySummary, 'capacity' | 'confirmed'>) =>
  a.capacity === null ? `已报名 ${a.confirmed} 人` : `已报名 ${a.confirmed}/${a.capacity}`


export const signupTones = { confirmed: 'success', waitlisted: 'warning', cancelled: 'muted' } as const satisfies Record<SignupStatus, string>

export const detailUrl = activityUrl

/** Seats left, for a list: 余 N 席, 已满 · 可候补, or 不限名额; `full` picks the tone. */
export const seatsLeft = (a: Pick<ActivitySummary, 'capacity' | 'confirmed'>) => {
  if (a.capacity === null) return { text: '不限名额', full: false }
  const left = a.capacity - a.confirmed
  return left > 0 ? { text: `余 ${left} 席`, full: false } : { text: '已满 · 可候补', full: true }
}

/** An activity's line in a list grouped by day: kind, site and the hours. */
export const dayLineLabel = (a: ActivitySummary) =>
  `${activityKindLabels[a.kind]} · ${a.siteName} · ${shanghaiClock(new Date(a.startsAt))}—${shanghaiClock(new Date(a.endsAt))}`
