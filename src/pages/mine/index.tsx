/**
 * "我的": who I am (a resident sets the name shown), the 工作台 first for the roles that work (Workbench.tsx), elder mode, binding a
 * member or staff profile, and my check-ins.
 */
import { Input, Switch, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Button, Cell, CellGroup, Field, Icon, List, Notice, Page, Tag } from '@/components/ui'
import { locationLabels, type LocationStatus } from '@/domain/geo'
import * as dutyPermissions from '@/domain/duty/permissions'
import { maySend } from '@/domain/notices/permissions'
import { isEditor } from '@/domain/opinions/permissions'
import { FUNNEL_URL, PROPOSALS_URL, REPORTS_URL, SCREEN_URL } from '@/domain/opinions/urls'
import { seesAssessment } from '@/domain/assessment/permissions'
import { decidesBookings } from '@/domain/resources/permissions'
import { roleLabels } from '@/domain/roles'
import { staffSessionRoles } from '@/domain/signin'
import { shanghaiDateTime } from '@/domain/time'
import { useList } from '@/hooks/useList'
import { asFailure } from '@/hooks/latest'
import { bindProfile } from '@/services/account'
import { myCheckins } from '@/services/checkin'
import { syncUnreadBadge } from '@/services/notices'
import { logout, signinMethods, webSigninCode } from '@/services/signin'
import { useSession } from '@/stores/session'
import { useTabShown } from '@/stores/tabBar'
import { Workbench, works } from './Workbench'
import './index.css'

const statusTones = { verified: 'success', pending: 'warning', unverified: 'muted' } as const satisfies Record<LocationStatus, string>

export default function Mine() {
  useTabShown(2)
  const { me, loadMe, setMe, elder, setElder } = useSession()
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const checkins = useList('checkins', (cursor) => myCheckins({ cursor }))
  const shownBefore = useRef(false)
  const [unread, setUnread] = useState(0)
  // Each return to this tab counts the 工作台 again.
  const [shows, setShows] = useState(0)
  // h5 on a production host: no demo identities to switch to, a session to end instead.
  const [devHost, setDevHost] = useState(true)
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') signinMethods().then((m) => setDevHost(m.dev)).catch(() => undefined)
  }, [])

  // Back on this tab (after checking in elsewhere): ask again, keeping what is shown meanwhile.
  useDidShow(() => {
    loadMe().catch(() => undefined)
    syncUnreadBadge().then(setUnread)
    if (shownBefore.current) checkins.reload()
    shownBefore.current = true
    setShows((n) => n + 1)
  })

  const bind = async () => {
    try {
      const next = await bindProfile({ code })
      setMe(next)
      setCode('')
      setMessage({ ok: true, text: `绑定成功，您的身份：${roleLabels[next.primaryRole]}` })
    } catch (e) {
      setMessage({ ok: false, text: asFailure(e).message })
    }
  }
  /** The one-time code for a desktop browser (self-hosted mini-program only). */
  const showWebCode = async () => {
    const answer = await webSigninCode()
    if (!answer) return
    setMessage(answer.ok
      ? { ok: true, text: `网页登录码：${answer.data.code}（5 分钟内在电脑浏览器的登录页输入，仅限本人使用）` }
      : { ok: false, text: answer.error.message })
  }
  const signOut = async () => {
    await logout()
    Taro.reLaunch({ url: '/packages/devsignin/pages/index/index' })
  }
  const staff = me?.roles.some((g) => g.role === 'staff' || g.role === 'admin')
  const webCode = process.env.TARO_ENV === 'weapp' && TRANSPORT === 'https' && me?.roles.some((g) => (staffSessionRoles as readonly string[]).includes(g.role))
  const screens = me?.roles.some((g) => ['staff', 'admin', 'site_admin', 'auditor'].includes(g.role))
  const handles = me?.roles.some((g) => g.role === 'unit_handler')
  const audits = me?.roles.some((g) => g.role === 'auditor')
  const member = me?.roles.some((g) => g.role === 'member')
  const opinionEditor = !!me && isEditor({ grants: me.roles })
  const decides = !!me && decidesBookings({ grants: me.roles })
  const assesses = !!me && seesAssessment({ grants: me.roles })
  const dutyReader = !!me && dutyPermissions.can({ grants: me.roles }, 'viewAll')
  const go = (url: string) => () => Taro.navigateTo({ url })
  const working = works(me)
  // 群众 is what everyone is: beside a working role it says nothing.
  const shownRoles = working ? me!.roles.filter((g) => g.role !== 'resident') : me?.roles

  return (
    <Page onRefresh={() => { setShows((n) => n + 1); return Promise.all([loadMe(), checkins.reload()]) }}>
      <View className='card mine-head'>
        <View className='mine-avatar'><Icon name='mine' /></View>
        <View>
          <View className='title'>{me?.nickname || '微信用户'}</View>
          <View>{shownRoles?.map((g) => <Tag key={`${g.role}${g.siteId ?? ''}${g.unitId ?? ''}`}>{roleLabels[g.role]}</Tag>)}</View>
        </View>
      </View>
      {working && <Workbench me={me!} refresh={shows} />}
      {message && <Notice tone={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <CellGroup>
        {me && !me.roles.some((g) => g.role !== 'resident') && (
          <Cell icon='mine' title='显示名称' label='其他人看到的名称' value={me.nickname || '未设置'} arrow onClick={go('/packages/account/pages/name/index')} />
        )}
        <Cell icon='text-size' title='长辈模式' label='更大的字和按钮'
          value={<Switch checked={elder} color='#b71c1c' onChange={(e) => setElder(e.detail.value)}
            nativeProps={{ 'aria-label': '长辈模式' }} />} />
        <Cell icon='alert' title='消息中心' label='通知公告、关注议题的进展'
          value={unread > 0 ? <Tag tone='warning'>{`${unread} 条未读`}</Tag> : undefined} arrow onClick={go('/packages/notices/pages/inbox/index')} />
        {me && maySend({ userId: me.userId, grants: me.roles }) && (
          <Cell icon='alert' title='发布通知' label='向关注者、委员发送通知，查看送达和已读' arrow onClick={go('/packages/notices/pages/sent/index')} />
        )}
        <Cell icon='topic' title='我的议题' label='我提出的、投票的、关注的月月说事议题' arrow onClick={go('/packages/topics/pages/mine/index')} />
        <Cell icon='topic' title='我的建议' label='社情民意：我提的建议和它的办理结果' arrow onClick={go('/packages/opinions/pages/mine/index')} />
        {opinionEditor && <Cell icon='check' title='建议审核' label='采纳、退回、合并社情民意建议，即商即转' arrow onClick={go(SCREEN_URL)} />}
        {(opinionEditor || audits) && <Cell icon='topic' title='社情民意信息专报' label='编写、报送专报，录入采用和领导批示' arrow onClick={go(REPORTS_URL)} />}
        {(member || opinionEditor || audits || handles) && <Cell icon='topic' title='提案' label='起草、联名、立案交办、答复和评价提案' arrow onClick={go(PROPOSALS_URL)} />}
        {(opinionEditor || audits) && <Cell icon='calendar' title='社情民意成果' label='从收集到批示的转化情况，可导出' arrow onClick={go(FUNNEL_URL)} />}
        <Cell icon='calendar' title='协商活动' label='报名参加各联盟点的协商活动' arrow onClick={go('/packages/activities/pages/list/index')} />
        <Cell icon='location' title='联盟资源预约' label='场地、专家、课程一键预约，查看我的预约' arrow onClick={go('/packages/resources/pages/list/index')} />
        {decides && <Cell icon='check' title='预约审核' label='同意或不同意本单位资源的预约' arrow onClick={go('/packages/resources/pages/requests/index')} />}
        {member && <Cell icon='check' title='我的履职' label='年度履职积分和每一分的来源' arrow onClick={go('/packages/duty/pages/mine/index')} />}
        {dutyReader && <Cell icon='mine' title='委员履职积分' label='全体委员年度积分、等次、更正与导出' arrow onClick={go('/packages/duty/pages/members/index')} />}
        {screens && <Cell icon='check' title='议题审核' label='受理、退回、合并本联盟点的议题' arrow onClick={go('/packages/topics/pages/screen/index')} />}
        <Cell icon='topic' title='办理结果公示' label='件件有回音：议题交办、答复和群众评价' arrow onClick={go('/packages/feedback/pages/outcomes/index')} />
        {(staff || handles) && <Cell icon='clock' title='交办事项' label='签收、办理、答复交办的议题' arrow onClick={go('/packages/feedback/pages/tasks/index')} />}
        {staff && <Cell icon='calendar' title='节假日与办理时限' label='法定节假日、调休和各类议题的办理时限' arrow onClick={go('/packages/feedback/pages/calendar/index')} />}
        {assesses && (
          <Cell icon='check' title='联盟单位考核' label={staff || audits ? '各单位年度得分、排名和月通报' : '本单位年度得分、排名和月通报'} arrow
            onClick={go(staff || audits ? '/packages/assessment/pages/ranking/index' : '/packages/assessment/pages/unit/index')} />
        )}
        {(staff || audits) && <Cell icon='calendar' title='承办单位统计' label='按时签收、按时答复、满意度，可导出' arrow onClick={go('/packages/feedback/pages/stats/index')} />}
        {staff && <Cell icon='qrcode' title='打印全部联盟点签到码' label='每个联盟点一张签到海报，一次打印' arrow onClick={go('/packages/sites/pages/print/index')} />}
        {staff && (
          <Cell icon='key' title='发放委员、工作人员绑定码' arrow onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/profiles/index' })} />
        )}
        {webCode && <Cell icon='key' title='网页登录码' label='在电脑浏览器登录工作台' arrow onClick={showWebCode} />}
        {process.env.TARO_ENV === 'h5' && devHost && (
          <Cell icon='switch-user' title='切换演示身份' arrow onClick={() => Taro.navigateTo({ url: '/packages/devsignin/pages/index/index' })} />
        )}
        {process.env.TARO_ENV === 'h5' && !devHost && <Cell icon='switch-user' title='退出登录' arrow onClick={signOut} />}
      </CellGroup>
      <Field label='绑定委员或工作人员身份' hint='请输入区政协发放的 8 位绑定码'>
        <View className='mine-bind'>
          <Input className='ui-input' value={code} maxlength={8} placeholder='绑定码' nativeProps={{ 'aria-label': '绑定码' }} onInput={(e) => setCode(e.detail.value)} />
          <Button disabled={code.trim().length !== 8} onClick={bind}>绑定</Button>
        </View>
      </Field>
      <CellGroup title='我的签到'>
        <List list={checkins} skeleton='list' empty={{ icon: 'location', title: '还没有签到记录', hint: '到联盟点扫描二维码即可签到' }}>
          {(items) => items.map((c) => (
            <Cell key={`${c.id}-${c.assistedLabel ? 'desk' : 'own'}`} title={c.siteName} label={[shanghaiDateTime(c.at), c.assistedLabel].filter(Boolean).join(' · ')}
              value={c.assistedLabel ? <Tag tone='muted'>代签</Tag> : <Tag tone={statusTones[c.locationStatus]}>{locationLabels[c.locationStatus]}</Tag>} />
          ))}
        </List>
      </CellGroup>
    </Page>
  )
}
