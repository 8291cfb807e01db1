/**
 * 工作台 on 我的, for the roles that work: each one's to-do as counts, each one tap to its list.
 * Screeners (site admins, staff): 待审核. Unit handlers: 待签收 and 逾期. Staff: 待公示. Auditors:
 * 逾期. Everyone here: 今日活动 (a site admin's site, everyone else's all sites). Counted with the
 * lists the pages show, a page of PAGE_MAX at a time: a full page with more after it shows “100+”.
 */
import Taro from '@tarojs/taro'
import { Stat, StatGrid } from '@/components/ui'
import type { Me } from '@/domain/account'
import { PAGE_MAX, type Page } from '@/domain/page'
import { holds } from '@/domain/person'
import { shanghaiDay } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { listActivities } from '@/services/activities'
import { listAssignments } from '@/services/feedback'
import { listTopics } from '@/services/topics'

/** The roles that get a 工作台. */
export const workingRoles = ['site_admin', 'unit_handler', 'staff', 'auditor', 'admin'] as const

export const works = (me: Me | undefined) => !!me && holds({ grants: me.roles }, ...workingRoles)

/** The count of a list read one page at a time: “100+” when the page was full and more follow. */
export const counted = (n: number, more: boolean) => (more ? `${n}+` : String(n))
const count = (page?: Page<unknown>) => (page ? counted(page.items.length, page.next !== null) : undefined)

export function Workbench({ me, refresh }: { me: Me; refresh: number }) {
  const person = { grants: me.roles }
  const district = holds(person, 'staff', 'admin')
  const adminOf = me.roles.find((g) => g.role === 'site_admin')?.siteId ?? undefined
  const screens = district || !!adminOf
  const handles = holds(person, 'unit_handler')
  const oversees = handles || district || holds(person, 'auditor')
  const siteId = district ? undefined : adminOf
  const today = shanghaiDay(new Date())
  const go = (url: string) => () => Taro.navigateTo({ url })

  const toScreen = useCall(screens ? `wb-screen|${siteId}|${refresh}` : null, () => listTopics({ siteId, state: 'submitted', limit: PAGE_MAX }))
  const toPublish = useCall(district ? `wb-publish|${refresh}` : null, () => listTopics({ state: 'replied', limit: PAGE_MAX }))
  const open = useCall(oversees ? `wb-open|${refresh}` : null, () => listAssignments({ open: true, limit: PAGE_MAX }))
  const activities = useCall(`wb-today|${today}|${siteId}|${refresh}`, () => listActivities({ day: today, siteId, limit: PAGE_MAX }))
  const more = open.data?.next !== null
  const openCount = (keep: (a: { status: string; overdue: boolean }) => boolean) =>
    open.data ? counted(open.data.items.filter(keep).length, more) : undefined

  return (
    <StatGrid title='工作台'>
      {screens && <Stat label='待审核' count={count(toScreen.data)} opens='议题审核' onClick={go('/packages/topics/pages/screen/index')} />}
      {handles && <Stat label='待签收' count={openCount((a) => a.status === 'assigned')} opens='交办事项' onClick={go('/packages/feedback/pages/tasks/index')} />}
      {oversees && <Stat label='逾期' alarm count={openCount((a) => a.overdue)} opens='交办事项' onClick={go('/packages/feedback/pages/tasks/index')} />}
      {district && <Stat label='待公示' count={count(toPublish.data)} opens='待公示的议题' onClick={go('/packages/feedback/pages/tasks/index?tab=publish')} />}
      <Stat label='今日活动' count={count(activities.data)} opens='今日活动'
        onClick={go(`/packages/activities/pages/list/index?day=${today}${siteId ? `&site=${siteId}` : ''}`)} />
    </StatGrid>
  )
}
