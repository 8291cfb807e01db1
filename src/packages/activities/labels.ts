/** Small pieces the activity pages share. */
import type { ActivitySummary, SignupStatus } from '@/domain/activities'
import { activityKindLabels, activityUrl, activityWhen } from '@/domain/activities'

export const when = activityWhen

export const seats = (a: Pick<ActivitySummary, 'capacity' | 'confirmed'>) =>
  a.capacity === null ? `已报名 ${a.confirmed} 人` : `已报名 ${a.confirmed}/${a.capacity}`

export const summaryLabel = (a: ActivitySummary) => `${activityKindLabels[a.kind]} · ${a.siteName} · ${when(a)}`

export const signupTones = { confirmed: 'success', waitlisted: 'warning', cancelled: 'muted' } as const satisfies Record<SignupStatus, string>

export const detailUrl = activityUrl
