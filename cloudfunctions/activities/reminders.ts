/**
 * The reminder an hour before an activity: each confirmed sign-up is told once (the outbox key
 * `activity-reminder:<activity>:<person>`), in the notice centre and, where the person authorised
 * one, as a WeChat message. A person who signs up inside the hour is told at the next run.
 */
import { shanghaiDateTime } from '../../src/domain/time'
import { wxTime } from '../../src/domain/notices/subscriptions'
import type { Job } from '../core/jobs'

export const REMIND_BEFORE_MINUTES = 60

export const remindSignups: Job = {
  every: 5,
  run: (ctx) =>
    ctx.transaction(async ({ db, now, outbox }) => {
      const due = await db.query(
        `SELECT a.id, a.title, a.place, a.starts_at, array_agg(s.person_id ORDER BY s.person_id) AS people
         FROM activities a JOIN activity_signups s ON s.activity_id = a.id AND s.status = 'confirmed'
         WHERE a.starts_at > $1 AND a.starts_at <= $1 + make_interval(mins => $2)
         GROUP BY a.id ORDER BY a.id`,
        [now, REMIND_BEFORE_MINUTES],
      )
      let told = 0
      for (const activity of due) {
        const place = activity.place || '活动地点'
        told += await outbox.enqueueEach(
          'inapp',
          (activity.people as unknown[]).map(Number),
          {
            title: '活动即将开始',
            body: `您报名的“${activity.title}”将于 ${shanghaiDateTime(activity.starts_at)} 在${place}开始，请准时参加。`,
            link: `/packages/activities/pages/detail/index?id=${activity.id}`,
            subscribe: { template: 'activity_reminder', values: { thing1: activity.title, time2: wxTime(activity.starts_at), thing3: place } },
          },
          `activity-reminder:${activity.id}`,
        )
      }
      return told
    }),
}
