/**
 * What each domain event tells whom: the audience (the people the event names, a unit's handlers,
 * district staff, a site's admins), the in-app message with its link, and the WeChat message
 * where the person authorised one. Each event's key makes its messages once-only.
 */
import type { EventOf } from '../../src/domain/events'
import { supervisionLabels } from '../../src/domain/feedback'
import { wxTime } from '../../src/domain/notices/subscriptions'
import { shanghaiDateTime } from '../../src/domain/time'
import { reportStateLabels, type ReportState } from '../../src/domain/opinions'
import { MINE_URL, proposalUrl } from '../../src/domain/opinions/urls'
import { moves, topicStateLabels } from '../../src/domain/topics'
import type { Queryable } from '../core/db'
import type { EventScope, Reactions } from '../core/events'
import { resolveAudience } from './audience'
import { enqueue, enqueueEach } from './outbox'

const topicPage = (id: number) => `/packages/topics/pages/detail/index?id=${id}`
const storyPage = (id: number) => `/packages/feedback/pages/story/index?id=${id}`
const reportNews: Record<ReportState, string> = { draft: '您的建议已转化为专报', submitted: '您的建议所在专报已报送', adopted: '您的建议所在专报已被采用', endorsed: '您的建议所在专报获领导批示' }
const suggestionPage = (id: number) => `/packages/opinions/pages/detail/index?id=${id}`
const activityPage = (id: number) => `/packages/activities/pages/detail/index?id=${id}`
const bookingsPage = '/packages/resources/pages/mine/index'
const requestsPage = '/packages/resources/pages/requests/index'
const bulletinPage = (month: string) => `/packages/assessment/pages/bulletin/index?month=${month}`

const staff = (db: Queryable) => resolveAudience(db, [{ kind: 'roles', roles: ['staff'] }])
const unitHandlers = (db: Queryable, unitId: string) => resolveAudience(db, [{ kind: 'units', unitIds: [unitId] }])
/** District staff, administrators and the site's own admins: who watches a site's ballot. */
const siteWatchers = async (db: Queryable, siteId: string) =>
  (await db.query(`SELECT DISTINCT user_id FROM user_roles WHERE role IN ('staff', 'admin') OR (role = 'site_admin' AND site_id = $1)`, [siteId])).map(
    (row) => Number(row.user_id),
  )

/** A site's own admins. */
const siteAdmins = async (db: Queryable, siteId: string) =>
  (await db.query(`SELECT DISTINCT user_id FROM user_roles WHERE role = 'site_admin' AND site_id = $1`, [siteId])).map((row) => Number(row.user_id))

/** Every site's admins: each alliance unit hears of the month's bulletin. */
const allSiteAdmins = async (db: Queryable) =>
  (await db.query<{ user_id: number }>(`SELECT DISTINCT user_id FROM user_roles WHERE role = 'site_admin' ORDER BY user_id`)).map((row) => Number(row.user_id))

/** A 交办督复评 message about a topic to each of `users`, once per key. */
const tellOfStory = (tx: EventScope, users: number[], title: string, body: string, topicId: number, key: string) =>
  enqueueEach(tx.db, tx.now, 'inapp', users, { title, body, link: storyPage(topicId) }, key)

/**
 * Each escalation's unit handlers and district staff, one message each (a person who is both hears
 * once), keyed by assignment, level and person; one statement for a whole job run's escalations.
 */
async function tellEscalations(tx: EventScope, { escalations: list }: EventOf<'assignments.escalated'>): Promise<number> {
  if (list.length === 0) return 0
  const rows = await tx.db.query<{ id: number }>(
    `INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
     SELECT DISTINCT ON (x.id, x.level, r.user_id) 'inapp', r.user_id,
       jsonb_build_object('title', '议题办理' || l.label, 'body', '议题“' || x.title || '”' || x.reason || '，已' || l.label,
         'link', '/packages/feedback/pages/story/index?id=' || x.topic_id),
       'supervise:' || x.id || ':' || x.level || ':' || r.user_id, $7::timestamptz, $7::timestamptz
     FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[]) x(id, level, reason, unit_id, title, topic_id)
       CROSS JOIN LATERAL (SELECT ($8::text[])[x.level + 1] AS label) l
       JOIN user_roles r ON (r.role = 'unit_handler' AND r.unit_id = x.unit_id) OR r.role = 'staff'
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [list.map((e) => e.id), list.map((e) => e.level), list.map((e) => e.reason), list.map((e) => e.unitId), list.map((e) => e.title),
      list.map((e) => e.topicId), tx.now, supervisionLabels],
  )
  return rows.length
}

/** The handlers of each reopened assignment's unit: reply again by the new date. */
async function tellReopened(tx: EventScope, event: EventOf<'assignments.reopened'>): Promise<number> {
  const rows = await tx.db.query<{ id: number }>(
    `INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
     SELECT 'inapp', r.user_id, jsonb_build_object('title', '议题重新办理', 'body', '议题“' || $3 || '”' || $4 || '，请在 ' || $5 || ' 前重新答复',
         'link', '/packages/feedback/pages/story/index?id=' || $2::bigint),
       $7 || ':' || a.id || ':' || r.user_id || ':' || (extract(epoch FROM $6::timestamptz) * 1000)::bigint, $6, $6
     FROM unnest($1::bigint[], $8::text[]) a(id, unit_id) JOIN user_roles r ON r.role = 'unit_handler' AND r.unit_id = a.unit_id
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [event.assignments.map((a) => a.id), event.topicId, event.title, event.reason, event.replyDue, tx.now, event.key, event.assignments.map((a) => a.unitId)],
  )
  return rows.length
}

export const reactions: Reactions = {
  'topic.moved': (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', e.followers, {
      title: `议题${topicStateLabels[e.to]}`,
      body: `您关注的议题“${e.title}”${moves[e.move].label}${e.note ? `：${e.note}` : ''}`,
      link: topicPage(e.topicId),
    }, e.key),

  'topic.surging': async (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', await siteWatchers(tx.db, e.siteId), {
      title: '投票异常提醒',
      body: `议题“${e.title}”${e.minutes} 分钟内新增 ${e.recent} 票（共 ${e.total} 票），请关注是否存在动员刷票。`,
      link: topicPage(e.topicId),
    }, e.key),

  'activity.starting': (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', e.people, {
      title: '活动即将开始',
      body: `您报名的“${e.title}”将于 ${shanghaiDateTime(e.startsAt)} 在${e.place}开始，请准时参加。`,
      link: activityPage(e.activityId),
      subscribe: { template: 'activity_reminder', values: { thing1: e.title, time2: wxTime(e.startsAt), thing3: e.place } },
    }, e.key),

  'signup.promoted': async (tx, e) =>
    Number(await enqueue(tx.db, tx.now, 'inapp', e.personId, {
      title: '候补转为报名成功',
      body: `您候补的活动“${e.title}”有名额空出，已为您转为报名成功，请按时参加。`,
      link: activityPage(e.activityId),
    }, e.key)),

  'assignment.made': async (tx, e) =>
    tellOfStory(tx, await unitHandlers(tx.db, e.unitId), '新的交办议题', `议题“${e.title}”已交办贵单位，请在 ${e.ackDue} 前签收、${e.replyDue} 前答复`, e.topicId, e.key),

  'assignment.change_requested': async (tx, e) => tellOfStory(tx, await staff(tx.db), '承办单位申请调整交办', `议题“${e.title}”：${e.note}`, e.topicId, e.key),

  'assignment.change_decided': async (tx, e) =>
    tellOfStory(tx, await unitHandlers(tx.db, e.unitId), '交办调整申请已处理', `议题“${e.title}”：${e.approve ? '同意' : '不同意'}调整，${e.note}`, e.topicId, e.key),

  'assignments.escalated': tellEscalations,
  'assignments.reopened': tellReopened,

  'rating.appealed': async (tx, e) => tellOfStory(tx, await staff(tx.db), '评价申诉待处理', `议题“${e.title}”的一条评价被承办单位申诉：${e.reason}`, e.topicId, e.key),

  'booking.requested': async (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', (await siteAdmins(tx.db, e.siteId)).filter((id) => id !== e.personId), {
      title: '新的预约申请',
      body: `“${e.resourceName}”${shanghaiDateTime(e.startsAt)} 有新的预约申请，请及时审核。`,
      link: requestsPage,
    }, e.key),

  'booking.confirmed': (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', [e.personId], {
      title: '预约成功',
      body: `您预约的“${e.resourceName}”（${shanghaiDateTime(e.startsAt)}）已确认，请按时使用。`,
      link: bookingsPage,
    }, e.key),

  'booking.declined': (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', [e.personId], {
      title: '预约未通过',
      body: `您预约的“${e.resourceName}”（${shanghaiDateTime(e.startsAt)}）未通过${e.note ? `：${e.note}` : ''}`,
      link: bookingsPage,
    }, e.key),

  // The booker cancelled: the owning unit's admins hear; staff cancelled it: the booker hears why.
  'booking.cancelled': async (tx, e) =>
    e.cancelledBy === e.personId
      ? enqueueEach(tx.db, tx.now, 'inapp', (await siteAdmins(tx.db, e.siteId)).filter((id) => id !== e.personId), {
          title: '预约已取消',
          body: `“${e.resourceName}”${shanghaiDateTime(e.startsAt)} 的预约已被预约人取消，该时段已空出。`,
          link: requestsPage,
        }, e.key)
      : enqueueEach(tx.db, tx.now, 'inapp', [e.personId], {
          title: '预约已被取消',
          body: `您预约的“${e.resourceName}”（${shanghaiDateTime(e.startsAt)}）已被工作人员取消${e.reason ? `：${e.reason}` : ''}`,
          link: bookingsPage,
        }, e.key),

  // A weekly series: the booker hears once; when it waits for approval, so do the owning unit's admins.
  'booking.series': async (tx, e) => {
    const when = `自 ${shanghaiDateTime(e.startsAt)} 起每周一次，共 ${e.weeks} 次`
    const told = await enqueueEach(tx.db, tx.now, 'inapp', [e.personId], {
      title: e.pending ? '已提交每周预约' : '每周预约成功',
      body: `您预约的“${e.resourceName}”${when}${e.pending ? '，等待审核，时段已为您保留' : '，请按时使用'}。`,
      link: bookingsPage,
    }, e.key)
    if (!e.pending) return told
    const admins = (await siteAdmins(tx.db, e.siteId)).filter((id) => id !== e.personId)
    return told + (await enqueueEach(tx.db, tx.now, 'inapp', admins, { title: '新的预约申请', body: `“${e.resourceName}”${when}，有新的预约申请，请及时审核。`, link: requestsPage }, `${e.key}:owner`))
  },

  'booking.expired': (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', [e.personId], {
      title: '预约申请已失效',
      body: `您预约的“${e.resourceName}”（${shanghaiDateTime(e.startsAt)}）超过 2 个工作日未获审核，已自动失效，时段已释放。`,
      link: bookingsPage,
    }, e.key),

  'booking.no_show': (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', [e.personId], {
      title: '预约未到场',
      body: `您预约的“${e.resourceName}”（${shanghaiDateTime(e.startsAt)}）未在开始后 15 分钟内签到，已记为未到场，时段已释放。90 天内 3 次未到场将暂停预约 30 天。`,
      link: bookingsPage,
    }, e.key),

  'booking.suspended': (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', [e.personId], {
      title: '预约功能已暂停',
      body: `您 90 天内已有 ${e.noShows} 次预约未到场，预约功能暂停至 ${shanghaiDateTime(e.until)}。如有特殊情况，请联系工作人员。`,
      link: bookingsPage,
    }, e.key),

  'bulletin.published': async (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', await allSiteAdmins(tx.db), {
      title: `${Number(e.month.slice(5))}月联盟工作通报已发布`,
      body: `${e.month.slice(0, 4)}年${Number(e.month.slice(5))}月通报已发布：本月联盟共开展活动 ${e.held} 场，参与 ${e.attendance} 人次。请查看本单位情况。`,
      link: bulletinPage(e.month),
    }, e.key),

  'bulletin.frozen': async (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', await allSiteAdmins(tx.db), {
      title: `${Number(e.month.slice(5))}月联盟工作通报征求意见`,
      body: `${e.month.slice(0, 4)}年${Number(e.month.slice(5))}月通报已冻结，请核对本单位数据；如有异议，请于 ${e.appealUntil} 前提出申诉。`,
      link: bulletinPage(e.month),
    }, e.key),

  'bulletin.appeal_decided': async (tx, e) =>
    Number(await enqueue(tx.db, tx.now, 'inapp', e.appellantId, {
      title: e.uphold ? '通报数据申诉成立' : '通报数据申诉未成立',
      body: `您对${Number(e.month.slice(5))}月通报提出的申诉${e.uphold ? '成立，通报已更正并重新下发' : '未成立'}：${e.note}`,
      link: bulletinPage(e.month),
    }, e.key)),

  'appeal.decided': (tx, e) =>
    tellOfStory(tx, [e.appellantId], '评价申诉已处理', `${e.uphold ? '申诉成立，该评价不计入满意度' : '申诉未成立'}：${e.note}`, e.topicId, e.key),

  'suggestion.decided': async (tx, e) =>
    Number(await enqueue(tx.db, tx.now, 'inapp', e.authorId, {
      title: e.to === 'accepted' ? '您的建议已被采纳' : e.to === 'returned' ? '您的建议被退回' : '您的建议已与相同建议合并',
      body: `您提交的建议“${e.title}”${e.to === 'accepted' ? '已被采纳，我们将整理提炼、报送有关方面' : e.to === 'returned' ? '被退回' : '已与内容相同的建议合并办理'}${e.note ? `：${e.note}` : '。'}`,
      link: suggestionPage(e.suggestionId),
    }, e.key)),

  'report.moved': async (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', e.authors, {
      title: reportNews[e.to],
      body: `您提出的建议已写入社情民意信息专报“${e.title}”${e.to === 'draft' ? '' : `，该专报${reportStateLabels[e.to]}`}。感谢您的建言献策！`,
      link: '/packages/opinions/pages/mine/index',
    }, e.key),

  'proposal.moved': async (tx, e) => {
    if (e.to === 'assigned') {
      const handlers = [...new Set((await Promise.all(e.unitIds.map((unitId) => unitHandlers(tx.db, unitId)))).flat())]
      return enqueueEach(tx.db, tx.now, 'inapp', handlers, { title: '新的交办提案', body: `提案“${e.title}”已交贵单位办理，请在规定期限内分别答复每位提案人。`, link: proposalUrl(e.proposalId) }, e.key)
    }
    const replied = e.to === 'replied'
    const people = replied ? [...new Set([...e.authors, ...e.proposers])] : e.authors
    return enqueueEach(tx.db, tx.now, 'inapp', people, {
      title: replied ? '提案已答复' : '您的建议已写入提案并立案',
      body: replied ? `提案“${e.title}”的承办单位已答复，请查看答复并评价。` : `您提出的建议已写入提案“${e.title}”，该提案已立案交办。感谢您的建言献策！`,
      link: replied ? proposalUrl(e.proposalId) : MINE_URL,
    }, e.key)
  },

  'handoff.made': async (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', await unitHandlers(tx.db, e.unitId), {
      title: e.source === 'suggestion' ? '即商即转事项' : '领导批示交办事项',
      body: `“${e.title}”已交贵单位办理，请于 ${e.dueDay} 前答复。`,
      link: MINE_URL,
    }, e.key),

  'handoff.replied': async (tx, e) =>
    enqueueEach(tx.db, tx.now, 'inapp', e.authors, { title: '您的建议有了答复', body: `您反映的“${e.title}”，承办单位已答复，请在“我的建议”中查看。`, link: MINE_URL }, e.key),
}
