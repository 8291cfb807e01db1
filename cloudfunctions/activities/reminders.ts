/**
 * The reminder an hour before an activity: each confirmed sign-up is told once (the outbox key
 * `activity-reminder:<activity>:<person>`) through the event `activity.starting`: in the notice
 * centre and, where the person authorised one, as a WeChat message. A person who signs up inside the hour is told at the next run.
 */
import type { Job } from '../core/jobs'

export const REMIND_BEFORE_MINUTES = 60

export const remindSignups: Job = {
  every: 5,
  run: (ctx) =>
    ctx.transaction(async ({ db, now, publish }) => {
      const due = await db.query<{ id: number; title: string; place: string; starts_at: Date; people: number[] }>(
        `SELECT a.id, a.title, a.place, a.starts_at, array_agg(s.person_id ORDER BY s.person_id) AS people
         FROM activities a JOIN activity_signups s ON s.activity_id = a.id AND s.status = 'confirmed'
         WHERE a.starts_at > $1 AND a.starts_at <= $1 + make_interval(mins => $2)
         GROUP BY a.id ORDER BY a.id`,
        [now, REMIND_BEFORE_MINUTES],
      )
      let told = 0
      for (const activity of due) {
        told += await publish({
          type: 'activity.starting',
          key: `activity-reminder:${activity.id}`,
          activityId: activity.id,
          title: activity.title,
          place: activity.place || '活动地点',
          startsAt: activity.starts_at,
          people: activity.people,
        })
      }
      return told
    }),
}
