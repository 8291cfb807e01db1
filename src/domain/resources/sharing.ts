/**
 * What the alliance shares besides slots: experts who accept or decline an invitation (their
 * contact shown once they accept), data that is requested with a purpose and a de-identification
 * level and fetched by a link that expires, and bookings that become activities.
 */
import type { BookingStatus } from '.'

/** How far a data extract is de-identified (脱敏); the migration's CHECK list equals it. */
export const deidLevels = ['aggregate', 'masked', 'detail'] as const
export type DeidLevel = (typeof deidLevels)[number]
export const deidLevelLabels: Record<DeidLevel, string> = {
  aggregate: '仅汇总统计（不含个人信息）',
  masked: '脱敏明细（姓名、电话等已遮蔽）',
  detail: '明细（含个人信息，须说明法定依据）',
}

/** A data request's states; the migration's CHECK list equals it. */
export const dataRequestStatuses = ['pending', 'approved', 'declined'] as const
export type DataRequestStatus = (typeof dataRequestStatuses)[number]
export const dataRequestStatusLabels: Record<DataRequestStatus, string> = { pending: '待审批', approved: '已批准', declined: '未批准' }

/** How long a download link lasts after approval. */
export const DATA_LINK_DAYS = 30

export interface DataRequest {
  id: number
  resourceId: number
  resourceName: string
  siteId: string
  siteName: string
  forSiteName: string | null
  personName: string
  purpose: string
  fields: string[]
  level: DeidLevel
  status: DataRequestStatus
  note: string | null
  createdAt: string
  expiresAt: string | null
  /** The download link's token: only to the requester, only once approved. */
  token: string | null
}

/** What an invited expert sees of an invitation, and what the inviter sees once it is accepted. */
export interface ExpertContact {
  name: string
  contact: string
}

/** The states in which an invitation was accepted: the contact shows, a held session counts. */
export const acceptedStatuses = ['confirmed', 'checked_in'] as const satisfies readonly BookingStatus[]
export const isAccepted = (status: BookingStatus) => (acceptedStatuses as readonly string[]).includes(status)

/** What the phone calendar (addPhoneCalendar) is given: unix seconds, an alarm an hour before. */
export interface PhoneCalendarEvent {
  title: string
  startTime: number
  endTime: number
  location: string
  description: string
  alarmOffset: number
}
