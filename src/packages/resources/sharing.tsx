/**
 * What the resources screens share beyond the slot: the 加入日历 button (the phone calendar in
 * WeChat, the booking's .ics on h5), a booking's further actions (an expert's contact once accepted,
 * a venue booking becoming an activity) and the links to matching, invitations, data and the feed.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup } from '@/components/ui'
import { holds } from '@/domain/person'
import { isCounting, type Booking } from '@/domain/resources'
import { decidesBookings } from '@/domain/resources/permissions'
import { isAccepted } from '@/domain/resources/sharing'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { fetchMe } from '@/services/account'
import { saveText } from '@/services/files'
import { bookingCalendar, expertContact } from '@/services/resources'
import { spanLabel } from './labels'

const page = (name: string, query = '') => `/packages/resources/pages/${name}/index${query}`
const go = (url: string) => () => Taro.navigateTo({ url })
/** Not over yet by the phone's clock (the server judges again with its own). */
const upcoming = (b: Booking) => Date.parse(b.endsAt) > Date.now()
const toast = (title: string, ok = true) => Taro.showToast({ title, icon: ok ? 'success' : 'none' })

/** A screen's outcome line: `act(work)` runs it, shows what it answers (or why it failed) and then refreshes. */
export function useOutcome(refresh?: () => Promise<void>) {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const act = (work: () => Promise<string>) => async () => {
    try {
      setMessage({ ok: true, text: await work() })
      await refresh?.()
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  return { message, act }
}

/** 加入日历: WeChat adds it to the phone's calendar (an hour's reminder); h5 downloads its .ics (a cancelled one removes it). */
export function CalendarButton({ booking }: { booking: Booking }) {
  const weapp = process.env.TARO_ENV === 'weapp'
  // Nothing to add once it is over; a cancelled one is removed from a calendar by its .ics (h5), not in WeChat.
  if (!upcoming(booking) || (!isCounting(booking.status) && weapp)) return null
  const add = async () => {
    try {
      const file = await bookingCalendar({ bookingId: booking.id })
      if (weapp) {
        const { title, startTime, endTime, location, description, alarmOffset } = file.event
        await Taro.addPhoneCalendar({ title, startTime, endTime: String(endTime), location, description, alarmOffset })
        toast('已加入日历')
      } else {
        await saveText(file.filename, file.ics, 'text/calendar;charset=utf-8')
      }
    } catch (e) {
      toast(asFailure(e).message, false)
    }
  }
  const label = isCounting(booking.status) ? '加入日历' : '从日历移除'
  return <Button kind='plain' label={`${label}：${booking.resourceName} ${spanLabel(booking)}`} onClick={add}>{label}</Button>
}

/** An accepted expert's or course's contact, and a confirmed venue booking made for a unit turned into its activity. */
export function BookingExtras({ booking }: { booking: Booking }) {
  const [contact, setContact] = useState<string>()
  const invited = booking.kind === 'expert' || booking.kind === 'course'
  const show = async () => {
    try {
      setContact((await expertContact({ bookingId: booking.id })).contact || '对方未留联系方式')
    } catch (e) {
      toast(asFailure(e).message, false)
    }
  }
  return (
    <>
      {invited && isAccepted(booking.status) && (contact
        ? <Cell icon='mine' title={`联系方式：${contact}`} />
        : <Button kind='plain' label={`查看联系方式：${booking.resourceName}`} onClick={show}>联系方式</Button>)}
      {booking.kind === 'venue' && booking.forSiteId && isAccepted(booking.status) && upcoming(booking) && (
        <Button kind='plain' label={`转为活动：${booking.resourceName} ${spanLabel(booking)}`} onClick={go(page('to-activity', `?id=${booking.id}`))}>转为活动</Button>
      )}
    </>
  )
}

/** Where the list leads besides booking: matching for everyone, invitations for members, approvals and the feed for deciders. */
export function SharingLinks() {
  const me = useCall('me', () => fetchMe())
  const person = { grants: me.data?.roles ?? [] }
  const decides = decidesBookings(person)
  return (
    <CellGroup title='更多'>
      <Cell icon='search' title='高效匹配' label='按议题或活动计划推荐合适的场地、专家和课程' arrow onClick={go(page('match'))} />
      <Cell icon='topic' title='我的数据申请' label='申请联盟单位的数据，批准后 30 天内可下载' arrow onClick={go(page('data-requests', '?mine=1'))} />
      {holds(person, 'member') && <Cell icon='mine' title='专家邀请' label='接受或婉拒联盟单位的邀请' arrow onClick={go(page('invitations'))} />}
      {decides && <Cell icon='check' title='数据申请审批' label='批准或不批准本单位数据的申请' arrow onClick={go(page('data-requests'))} />}
      {decides && <Cell icon='calendar' title='日历订阅' label='本单位资源的预约，用日历软件订阅' arrow onClick={go(page('feed'))} />}
    </CellGroup>
  )
}
