/**
 * Every page at 390×844, in normal and elder mode, as the person who would open it: no serious or
 * critical axe-core violation, every button's text readable (contrast ≥ 4.5:1), and a screenshot
 * in .cache/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { buttonContrasts, hostInBrowser, seriousAxeViolations, setElderMode, signIn } from '../support/browser'
import { ROOT } from '../support/host'

const SHOTS = join(ROOT, '.cache/screenshots')
mkdirSync(SHOTS, { recursive: true })
/** WCAG 2 AA for normal-size text. */
const MIN_CONTRAST = 4.5

const pages = [
  { name: 'directory', persona: 'resident', path: '/pages/index/index', ready: '运河文化博物馆' },
  { name: 'mine', persona: 'staff', path: '/pages/mine/index', ready: '我的签到' },
  { name: 'site', persona: 'site_admin', path: '/packages/sites/pages/detail/index?id=F01', ready: '今日活动' },
  { name: 'site-code', persona: 'site_admin', path: '/packages/sites/pages/code/index?id=F01', ready: '打印后张贴' },
  { name: 'site-posters', persona: 'staff', path: '/packages/sites/pages/print/index', ready: '打印全部' },
  { name: 'scan', persona: 'resident', path: `/packages/checkin/pages/scan/index?scene=${encodeURIComponent('s=F01')}`, ready: '不提供位置，直接签到' },
  { name: 'display-name', persona: 'resident', path: '/packages/account/pages/name/index', ready: '公开页面只显示名称的首尾两个字' },
  { name: 'profiles', persona: 'staff', path: '/packages/admin/pages/profiles/index', ready: '已发放' },
  { name: 'devsignin', persona: 'resident', path: '/packages/devsignin/pages/index/index', ready: '政协工作人员' },
  { name: 'topics', persona: 'resident', path: '/pages/topics/index?site=F01', ready: '本月议题' },
  { name: 'inbox', persona: 'resident', path: '/packages/notices/pages/inbox/index', ready: '置顶通知' },
  { name: 'notice', persona: 'resident', path: '/packages/notices/pages/detail/index?id=1', ready: '欢迎大家使用' },
  { name: 'compose', persona: 'staff', path: '/packages/notices/pages/compose/index', ready: '发送对象' },
  { name: 'sent', persona: 'staff', path: '/packages/notices/pages/sent/index', ready: '联盟点年度评价工作安排' },
  { name: 'deliveries', persona: 'staff', path: '/packages/notices/pages/deliveries/index?id=1', ready: '站内消息' },
  { name: 'topic', persona: 'resident', path: '/packages/topics/pages/detail/index?id=1', ready: '办理进程' },
  { name: 'propose', persona: 'resident', path: '/packages/topics/pages/propose/index?site=F01', ready: '议题标题' },
  { name: 'screen', persona: 'site_admin', path: '/packages/topics/pages/screen/index', ready: '待审核的议题' },
  { name: 'meeting', persona: 'staff', path: '/packages/topics/pages/meeting/index?id=1', ready: '保存议事记录' },
  { name: 'my-topics', persona: 'resident', path: '/packages/topics/pages/mine/index', ready: '我提出的' },
  { name: 'feedback-story', persona: 'staff', path: '/packages/feedback/pages/story/index?id=1', ready: '查看议题全文和办理进程' },
  { name: 'feedback-outcomes', persona: 'resident', path: '/packages/feedback/pages/outcomes/index', ready: '图书馆周边停车难' },
  { name: 'feedback-tasks', persona: 'staff', path: '/packages/feedback/pages/tasks/index', ready: '老旧小区加装电梯' },
  { name: 'feedback-stats', persona: 'staff', path: '/packages/feedback/pages/stats/index', ready: '按时答复率' },
  { name: 'feedback-calendar', persona: 'staff', path: '/packages/feedback/pages/calendar/index', ready: '国庆节调休' },
  { name: 'activities', persona: 'resident', path: '/packages/activities/pages/list/index', ready: '我报名的' },
  { name: 'activity', persona: 'resident', path: '/packages/activities/pages/detail/index?id=1', ready: '现场签到' },
  { name: 'activity-code', persona: 'staff', path: '/packages/activities/pages/code/index?id=1', ready: '请参会委员打开小程序' },
  { name: 'activity-checkin', persona: 'member', path: '/packages/activities/pages/checkin/index?activity=1', ready: '扫描组织者屏幕上的签到码' },
  { name: 'attendance', persona: 'staff', path: '/packages/activities/pages/attendance/index?id=1', ready: '报名人员' },
  { name: 'duty', persona: 'member', path: '/packages/duty/pages/mine/index', ready: '按月份' },
  { name: 'duty-members', persona: 'staff', path: '/packages/duty/pages/members/index', ready: '年度委员履职积分' },
  { name: 'activity-create', persona: 'site_admin', path: '/packages/activities/pages/create/index?site=F01', ready: '签到码刷新间隔' },
  { name: 'studio', persona: 'resident', path: '/packages/sites/pages/detail/index?id=W05', ready: '工作室委员' },
  { name: 'resources', persona: 'resident', path: '/packages/resources/pages/list/index', ready: '三楼报告厅' },
  { name: 'resource', persona: 'resident', path: '/packages/resources/pages/detail/index?id=1', ready: '需提前 24 小时预约' },
  { name: 'my-bookings', persona: 'site_admin', path: '/packages/resources/pages/mine/index', ready: '产城融合·发展议事厅' },
  { name: 'booking-requests', persona: 'staff', path: '/packages/resources/pages/requests/index', ready: '民生圆桌会进园区' },
  { name: 'resource-match', persona: 'site_admin', path: '/packages/resources/pages/match/index', ready: '活动主题标签' },
  { name: 'invitations', persona: 'member', path: '/packages/resources/pages/invitations/index', ready: '待答复' },
  { name: 'data-request', persona: 'resident', path: '/packages/resources/pages/data-request/index?id=8', ready: '按时答复率' },
  { name: 'data-approvals', persona: 'staff', path: '/packages/resources/pages/data-requests/index', ready: '编制本季度' },
  { name: 'my-data-requests', persona: 'site_admin', path: '/packages/resources/pages/data-requests/index?mine=1', ready: '月月说事议题统计' },
  { name: 'resource-feed', persona: 'site_admin', path: '/packages/resources/pages/feed/index', ready: '生成新链接' },
  { name: 'booking-to-activity', persona: 'site_admin', path: '/packages/resources/pages/to-activity/index?id=1', ready: '区图书馆' },
  { name: 'site-operations', persona: 'site_admin', path: '/packages/operations/pages/site/index?id=F01', ready: '阵地档案' },
  { name: 'site-profile', persona: 'site_admin', path: '/packages/operations/pages/profile/index?id=F01', ready: '保存' },
  { name: 'suggest', persona: 'resident', path: '/packages/opinions/pages/submit/index', ready: '建议标题' },
  { name: 'suggestions-screen', persona: 'staff', path: '/packages/opinions/pages/screen/index', ready: '待人工审核' },
  { name: 'my-suggestions', persona: 'resident', path: '/packages/opinions/pages/mine/index', ready: '我有建议' },
  { name: 'opinions-funnel', persona: 'staff', path: '/packages/opinions/pages/funnel/index', ready: '800余条' },
  { name: 'proposals', persona: 'member', path: '/packages/opinions/pages/proposals/index', ready: '起草提案' },
  { name: 'proposal-draft', persona: 'member', path: '/packages/opinions/pages/draft/index', ready: '来源建议编号' },
  { name: 'proposal', persona: 'staff', path: '/packages/opinions/pages/proposal/index?id=1', ready: '办理经过' },
  { name: 'reports', persona: 'opinion_editor', path: '/packages/opinions/pages/reports/index', ready: '编写专报（一事一报）' },
  { name: 'report', persona: 'staff', path: '/packages/opinions/pages/report/index?id=1', ready: '批示内容（仅信息员、监督员可见）' },
  // The desk's kiosk is always in elder mode (it turns it on for the person at the desk).
  { name: 'desk-checkin', persona: 'site_admin', path: '/packages/operations/pages/desk/index?id=F01', ready: '确认签到', alwaysElder: true },
  { name: 'operations-plan', persona: 'resident', path: '/packages/operations/pages/plan/index?id=W05', ready: '按月计划与开展' },
  { name: 'operations-visits', persona: 'staff', path: '/packages/operations/pages/visits/index?id=W05', ready: '自评' },
  { name: 'operations-archive', persona: 'staff', path: '/packages/operations/pages/archive/index?id=W05', ready: '已归档' },
  { name: 'checkin-card', persona: 'resident', path: `/packages/checkin/pages/card/index?scene=${encodeURIComponent('k=1.abcdefghijkl')}`, ready: '绑定到我的微信' },
  { name: 'assessment-ranking', persona: 'resident', path: '/packages/assessment/pages/ranking/index', ready: '区图书馆' },
  { name: 'assessment-unit', persona: 'site_admin', path: '/packages/assessment/pages/unit/index', ready: '协商参与度' },
  { name: 'assessment-bulletin', persona: 'staff', path: '/packages/assessment/pages/bulletin/index', ready: '本月联盟共开展活动' },
]

describe('every page, normal and elder mode (h5 build, Chromium)', () => {
  const ui = hostInBrowser()

  describe.each([{ mode: 'normal', elder: false }, { mode: 'elder', elder: true }])('$mode mode', ({ mode, elder }) => {
    it.each(pages)('$name: passes axe and the button contrast check', async ({ name, persona, path, ready, alwaysElder }) => {
      await signIn(ui.page, ui.host.url, { persona })
      await setElderMode(ui.page, elder)
      await ui.page.goto(`${ui.host.url}${path}`)
      await ui.page.getByText(ready).first().waitFor()
      await ui.page.locator(elder || alwaysElder ? '.ui-page.elder' : '.ui-page:not(.elder)').first().waitFor()
      await ui.page.screenshot({ path: join(SHOTS, `${name}-${mode}.png`) })

      // Both checks are reported together, so a failure shows everything that regressed.
      const axe = await seriousAxeViolations(ui.page)
      const unreadableButtons = (await buttonContrasts(ui.page)).filter((b) => b.ratio < MIN_CONTRAST)
      expect({ axe, unreadableButtons }).toEqual({ axe: [], unreadableButtons: [] })
    })
  })
})
