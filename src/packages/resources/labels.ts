/** What the resources screens show of a booking: its tone, its time and the pages' addresses. */
import type { TagTone } from '@/components/ui/Tag'
import { isCounting, type Booking, type BookingStatus, type Span } from '@/domain/resources'
import { shanghaiClock, shanghaiDateTime } from '@/domain/time'

export const bookingTones: Record<BookingStatus, TagTone> = { pending: 'warning', confirmed: 'success', declined: 'muted', cancelled: 'muted', checked_in: 'success',
  expired: 'muted', no_show: 'warning' }

export const spanLabel = (span: Span) => `${shanghaiDateTime(span.startsAt)}—${shanghaiClock(new Date(span.endsAt))}`

export const detailUrl = (id: number) => `/packages/resources/pages/detail/index?id=${id}`

/** The booker may still cancel it themselves (the server judges again with its own clock). */
export const mayCancel = (b: Booking, now = Date.now()) => isCounting(b.status) && b.status !== 'checked_in' && Date.parse(b.cancelBy) > now
