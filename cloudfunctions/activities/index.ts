/** activities: activities at the sites, sign-ups with a waitlist, rotating check-in codes and attendance. */
import { ACTIVITY_CHECKIN_PAGE, ALBUM_SCENE, parseActivityScene, type ActivitySummary, type AttendanceRow, type AttendanceVia, type SignupRow } from '../../src/domain/activities'
import { activitiesContract } from '../../src/domain/activities/contract'
import { csv } from '../../src/domain/csv'
import { can, joinRefusal } from '../../src/domain/activities/permissions'
import { holds, isDistrictStaff } from '../../src/domain/person'
import { shanghaiDateTime, shanghaiDayBounds } from '../../src/domain/time'
import { everyone, siteManagers } from '../core/access'
import { fail } from '../core/errors'
import { personNameSql } from '../core/names'
import { screenText } from '../core/content'
import { conditions, pageOf } from '../core/page'
import { take } from '../core/rate-limit'
import { createMain, defineFunction } from '../core/router'
import { findSite } from '../sites/public'
import { insertActivity } from './create'
import { addAttendance, attendanceCount, attendByCode, BAD_TOKEN_LIMIT, badTokenKey, checkinFacts, removeAttendance, whyNot } from './attendance'
import { activityDetail, joinFacts, loadActivity, managedActivity, studioSection, summaryColumns, summaryFrom } from './read'
import { remindSignups } from './reminders'
import { codeSecret, issueToken, verifyToken } from './token'

const refusals = {
  not_found: '未找到该活动',
  rate_limited: '签到码错误次数过多，请 1 分钟后再试',
  forbidden: '该活动不对您开放签到',
  duplicate: '您已签到',
  outside_window: '不在签到时间内（活动开始前 30 分钟至结束后 30 分钟）',
} as const

export const definition = defineFunction({
  name: 'activities',
  contract: activitiesContract,
  openapi: ['wxacode.getUnlimited', 'security.msgSecCheck'],
  access: {
      create: siteManagers,
      list: everyone,
      get: everyone,
      signup: everyone,
      cancel: everyone,
      // Organisers may be members: the activity's own rule (organiser or site manager) decides.
      code: everyone,
      checkin: everyone,
      signups: everyone,
      attendance: everyone,
      attend: everyone,
      unattend: everyone,
      exportAttendance: everyone,
      studio: everyone,
  },
  actions: {
    create: async ({ db: plain, input, caller, platform, transaction }) => {
      const site = await findSite(plain, input.siteId)
      if (!can(caller, 'create', { siteId: site.id })) fail('forbidden', '只能为本联盟点创建活动')
      if (new Date(input.endsAt) <= new Date(input.startsAt)) fail('invalid_input', '结束时间须晚于开始时间')
      if (input.audience === 'sectors' && input.sectors.length === 0) fail('invalid_input', '请填写参加的界别')
      if (input.audience === 'invited' && input.invitees.length === 0) fail('invalid_input', '请选择受邀人员')
      await screenText(platform, `${input.title}\n${input.place}\n${input.intro}`, caller.openid, 'immediate')
      return transaction(async ({ db, audit }) => {
        if (input.topicId) {
          const [topic] = await db.query('SELECT site_id FROM topics WHERE id = $1', [input.topicId])
          if (!topic) fail('not_found', '未找到关联的议题')
        }
        const id = await insertActivity(db, caller.userId, { ...input, siteId: site.id })
        await audit(`activity:${id}`, { siteId: site.id, title: input.title })
        return { id }
      })
    },

    list: async ({ db, input, caller, now }) => {
      const { where, params, add } = conditions()
      if (input.day) {
        const { start, end } = shanghaiDayBounds(new Date(`${input.day}T12:00:00+08:00`))
        add('a.starts_at < ?', end)
        add('a.ends_at > ?', start)
      } else {
        add('a.ends_at > ?', now)
      }
      if (input.siteId) add('a.site_id = ?', input.siteId)
      if (input.kind) add('a.kind = ?', input.kind)
      if (input.mine) add("EXISTS (SELECT 1 FROM activity_signups m WHERE m.activity_id = a.id AND m.person_id = ? AND m.status <> 'cancelled')", caller.userId)
      return pageOf<ActivitySummary>(db, { columns: summaryColumns, from: summaryFrom, where, params, keys: ['a.starts_at', 'a.id'] }, input)
    },

    get: async ({ db, input, caller }) => activityDetail(db, caller, input.activityId),

    signup: async ({ input, caller, transaction }) =>
      transaction(async ({ db, now }) => {
        // The activity's row lock orders concurrent sign-ups: seats and waitlist places go in arrival order.
        const activity = await loadActivity(db, input.activityId, true)
        if (activity.ends_at <= now) fail('conflict', '活动已结束，无法报名')
        const facts = await joinFacts(db, caller.userId, activity.id)
        if (!can(caller, 'join', { siteId: activity.site_id, audience: activity.audience, sectors: activity.sectors, ...facts })) {
          fail('forbidden', joinRefusal[activity.audience])
        }
        const [seat] = await db.query<{ id: number }>(
          `UPDATE activities SET confirmed_count = confirmed_count + 1 WHERE id = $1 AND (capacity IS NULL OR confirmed_count < capacity) RETURNING id`,
          [activity.id],
        )
        const status = seat ? 'confirmed' : 'waitlisted'
        const [row] = await db.query(
          `INSERT INTO activity_signups (activity_id, person_id, status, created_at, queued_seq) VALUES ($1, $2, $3, $4, nextval('activity_signup_seq'))
           ON CONFLICT (activity_id, person_id) DO UPDATE SET status = EXCLUDED.status, created_at = EXCLUDED.created_at, queued_seq = EXCLUDED.queued_seq
             WHERE activity_signups.status = 'cancelled'
           RETURNING queued_seq`,
          [activity.id, caller.userId, status, now],
        )
        if (!row) {
          // Already signed up: the seat taken above is given back with the rest of this transaction.
          const [mine] = await db.query('SELECT status FROM activity_signups WHERE activity_id = $1 AND person_id = $2', [activity.id, caller.userId])
          return fail('duplicate', mine.status === 'confirmed' ? '您已报名该活动' : '您已在候补名单中', { status: mine.status })
        }
        if (status === 'confirmed') return { status, position: null }
        const [{ n }] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM activity_signups WHERE activity_id = $1 AND status = 'waitlisted' AND queued_seq <= $2`,
          [activity.id, row.queued_seq],
        )
        return { status, position: n as number }
      }),

    cancel: async ({ input, caller, transaction }) =>
      transaction(async ({ db, now, audit, publish }) => {
        const activity = await loadActivity(db, input.activityId, true)
        const person = input.userId ?? caller.userId
        if (person !== caller.userId && !can(caller, 'manage', { siteId: activity.site_id, organiserId: activity.organiser_id })) {
          fail('forbidden', '只能取消自己的报名')
        }
        const [signup] = await db.query(
          `UPDATE activity_signups n SET status = 'cancelled' FROM activity_signups o
           WHERE n.id = o.id AND n.activity_id = $1 AND n.person_id = $2 AND n.status <> 'cancelled' RETURNING o.status AS was`,
          [activity.id, person],
        )
        if (!signup) return fail('not_found', '没有找到有效的报名')
        let promoted: number | null = null
        if (signup.was === 'confirmed') {
          const [next] = await db.query(
            `UPDATE activity_signups SET status = 'confirmed' WHERE id = (
               SELECT id FROM activity_signups WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY queued_seq LIMIT 1)
             RETURNING id, person_id, queued_seq`,
            [activity.id],
          )
          if (next) {
            promoted = Number(next.person_id)
            await publish({ type: 'signup.promoted', key: `activity-promoted:${next.id}:${next.queued_seq}`, activityId: Number(activity.id), title: activity.title, personId: promoted })
          } else {
            await db.query('UPDATE activities SET confirmed_count = confirmed_count - 1 WHERE id = $1', [activity.id])
          }
        }
        if (person !== caller.userId) await audit(`activity:${activity.id}`, { cancelled: person, at: now.toISOString() })
        return { status: 'cancelled' as const, promoted }
      }),

    code: async ({ db, input, caller, platform, now }) => {
      const activity = await managedActivity(db, caller, input.activityId)
      const { scene, refreshAt } = issueToken(codeSecret(platform), activity.id, activity.code_period_s, now)
      const { image, target } = await platform.siteCode(scene, ACTIVITY_CHECKIN_PAGE)
      return { activityId: Number(activity.id), scene, target, image, periodS: activity.code_period_s, refreshAt: refreshAt.toISOString() }
    },

    checkin: async (ctx) => {
      const { db, input, caller, platform, now } = ctx
      if (input.entryScene === ALBUM_SCENE) fail('invalid_input', '不能用相册中的图片签到，请在活动现场用小程序“扫码签到”扫描组织者屏幕上的签到码')
      const parsed = parseActivityScene(input.scene)
      const verdict = parsed.ok ? verifyToken(codeSecret(platform), parsed.token, now) : 'forged'
      const otherActivity = parsed.ok && input.activityId !== undefined && input.activityId !== parsed.token.activityId
      if (!parsed.ok || verdict !== 'ok' || otherActivity) {
        // A bad token counts towards the person's limit; past it they wait a minute, good tokens too.
        await take(ctx, { key: badTokenKey(caller.userId), ...BAD_TOKEN_LIMIT }, refusals.rate_limited)
        if (!parsed.ok) return fail('invalid_input', parsed.reason)
        if (verdict === 'expired') return fail('expired', '签到码已过期，请扫描屏幕上最新的签到码')
        if (verdict === 'forged') return fail('invalid_input', '签到码无效')
        return fail('invalid_input', '这不是本活动的签到码')
      }
      const facts = (await checkinFacts(db, parsed.token.activityId)) ?? fail('not_found', refusals.not_found)
      if (now < facts.opensAt || now > facts.closesAt) return fail('outside_window', refusals.outside_window)
      if (facts.audience !== 'open') {
        const mine = await joinFacts(db, caller.userId, facts.id)
        if (!can(caller, 'join', { ...facts, ...mine })) fail('forbidden', joinRefusal[facts.audience])
      }
      const done = await attendByCode(db, facts, caller.userId, holds(caller, 'member'), now)
      if (done) return { activityId: facts.id, title: facts.title, ...done }
      const { refusal, at } = await whyNot(db, facts.id, caller.userId, now)
      return fail(refusal, refusals[refusal], at ? { at } : undefined)
    },

    signups: async ({ db, input, caller }) => {
      await managedActivity(db, caller, input.activityId)
      return pageOf<SignupRow>(db, {
        columns: `n.person_id AS "userId", ${personNameSql('u', 'f')} AS name, n.status,
          EXISTS (SELECT 1 FROM activity_attendance t WHERE t.activity_id = n.activity_id AND t.user_id = n.person_id) AS "checkedIn"`,
        from: 'activity_signups n JOIN users u ON u.id = n.person_id LEFT JOIN member_facts f ON f.user_id = n.person_id',
        where: ["n.activity_id = $1 AND n.status <> 'cancelled'"],
        params: [input.activityId],
        keys: ['n.queued_seq'],
      }, input)
    },

    attendance: async ({ db, input, caller }) => {
      await managedActivity(db, caller, input.activityId)
      const [page, count] = await Promise.all([
        pageOf<AttendanceRow>(db, {
          columns: `t.user_id AS "userId", ${personNameSql('u', 'f')} AS name, t.at, t.via, t.reason`,
          from: 'activity_attendance t JOIN users u ON u.id = t.user_id LEFT JOIN member_facts f ON f.user_id = t.user_id',
          where: ['t.activity_id = $1'],
          params: [input.activityId],
          keys: ['t.at', 't.id'],
          desc: true,
        }, input),
        attendanceCount(db, input.activityId),
      ])
      return { ...page, count }
    },

    attend: async ({ input, caller, transaction }) =>
      transaction(async ({ db, now, audit }) => {
        const activity = await managedActivity(db, caller, input.activityId)
        // Duty points count towards members' yearly grades: nobody but district staff adds their own, and nobody before the activity.
        if (input.userId === caller.userId && !isDistrictStaff(caller)) fail('forbidden', '不能为自己补签，请由其他组织者或工作人员补签')
        if (now < activity.starts_at) fail('conflict', '活动开始后才能补签')
        const [person] = await db.query<{ id: number }>('SELECT id FROM users WHERE id = $1', [input.userId])
        if (!person) fail('not_found', '未找到该人员')
        if (!(await addAttendance(db, activity.id, input.userId, caller.userId, input.reason, now))) fail('duplicate', '该人员已签到')
        await audit(`activity:${activity.id}`, { attend: input.userId, reason: input.reason })
        return { count: await attendanceCount(db, activity.id) }
      }),

    unattend: async ({ input, caller, transaction }) =>
      transaction(async ({ db, audit }) => {
        const activity = await managedActivity(db, caller, input.activityId)
        const at = await removeAttendance(db, activity.id, input.userId)
        if (!at) fail('not_found', '该人员没有签到记录')
        await audit(`activity:${activity.id}`, { unattend: input.userId, checkedInAt: at, reason: input.reason })
        return { count: await attendanceCount(db, activity.id) }
      }),

    exportAttendance: async ({ db, input, caller, audit }) => {
      const activity = await managedActivity(db, caller, input.activityId)
      const rows = await db.query<{ name: string; sector: string | null; at: Date; via: AttendanceVia; reason: string | null }>(
        `SELECT ${personNameSql('u', 'f')} AS name, f.sector, t.at, t.via, t.reason
         FROM activity_attendance t JOIN users u ON u.id = t.user_id LEFT JOIN member_facts f ON f.user_id = t.user_id
         WHERE t.activity_id = $1 ORDER BY t.at, t.id`,
        [activity.id],
      )
      await audit(`activity:${activity.id}`, { export: rows.length })
      return {
        filename: `签到名单-${activity.id}.csv`,
        csv: csv([
          ['序号', '姓名', '界别', '签到时间', '方式', '补签或撤销原因'],
          ...rows.map((r, i) => [i + 1, r.name, r.sector ?? '', shanghaiDateTime(r.at), r.via === 'code' ? '扫码' : '组织者补签', r.reason ?? '']),
        ]),
      }
    },

    studio: async ({ db, input, now }) => {
      const site = await findSite(db, input.siteId)
      return studioSection(db, site.id, now)
    },
  },
  jobs: { remindSignups },
})

export const main = createMain(definition)
