/**
 * Activities at the sites: kinds, who may join, sign-up states, the rotating check-in code's scene
 * format and the calendar file. Pure: the HMAC itself is computed on the server (activities/token.ts).
 */
import { icsCalendar } from '../ics'
import { SCENE_MAX_LENGTH } from '../scene'
import { shanghaiClock, shanghaiDateTime, shanghaiDay } from '../time'

export const activityKinds = ['studio_day', 'salon', 'forum', 'hearing', 'monthly', 'sector', 'lecture'] as const
export type ActivityKind = (typeof activityKinds)[number]
export const activityKindLabels: Record<ActivityKind, string> = {
  studio_day: '委员工作室接待日',
  salon: '协商沙龙',
  forum: '专题论坛',
  hearing: '民意恳谈会',
  monthly: '月月说事议事会',
  sector: '界别同心汇活动',
  lecture: '培训讲座',
}

export const audiences = ['open', 'members', 'sectors', 'invited'] as const
export type Audience = (typeof audiences)[number]
export const audienceLabels: Record<Audience, string> = {
  open: '公开报名',
  members: '仅限政协委员',
  sectors: '限指定界别委员',
  invited: '仅限受邀人员',
}

export const signupStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const
export type SignupStatus = (typeof signupStatuses)[number]
export const signupLabels: Record<SignupStatus, string> = { confirmed: '已报名', waitlisted: '候补中', cancelled: '已取消' }

export interface ActivitySummary {
  id: number
  siteId: string
  siteName: string
  kind: ActivityKind
  title: string
  place: string
  startsAt: string
  endsAt: string
  capacity: number | null
  confirmed: number
  audience: Audience
}

export interface ActivityDetail extends ActivitySummary {
  intro: string
  sectors: string[]
  organiserName: string | null
  topicId: number | null
  codePeriodS: number
  /** My sign-up, when I have one that is not cancelled; `position` is my place on the waitlist. */
  mine: { status: SignupStatus; position: number | null } | null
  waitlisted: number
  checkedIn: boolean
  attendance: number
  /** I organise it or manage its site: the code, attendance and export are mine to use. */
  manages: boolean
  /** The other units co-hosting it (活动共办), in directory order. */
  cohosts: { siteId: string; siteName: string }[]
}

export interface ActivityCode {
  activityId: number
  scene: string
  /** What a scan opens: the h5 URL locally, the page with its scene when deployed. */
  target: string
  image: string
  periodS: number
  /** When this code stops being the current one (the next is due). */
  refreshAt: string
}

/** How a check-in was recorded: the rotating code, or by the organiser (补签). */
export const attendanceVias = ['code', 'manual'] as const
export type AttendanceVia = (typeof attendanceVias)[number]

export interface AttendanceRow {
  userId: number
  name: string
  at: string
  via: AttendanceVia
  reason: string | null
}

export interface SignupRow {
  userId: number
  name: string
  status: SignupStatus
  checkedIn: boolean
}

export interface StudioSection {
  members: { userId: number; name: string; sector: string }[]
  upcoming: ActivitySummary[]
  past: (ActivitySummary & { attended: number })[]
}

/** The organiser's screen: a new code every `periodS` seconds (10–60). */
export const CODE_PERIOD_MIN = 10
export const CODE_PERIOD_MAX = 60
export const ACTIVITY_CHECKIN_PAGE = 'packages/activities/pages/checkin/index'

const B36 = /^[0-9a-z]{1,9}$/
const MAC = /^[A-Za-z0-9_-]{12}$/

export interface ActivityToken {
  activityId: number
  periodS: number
  slot: number
  mac: string
}

/** `a=<id>.<period>.<slot>.<mac>`: id, period and slot in base 36, a 12-character HMAC; ≤ 32 characters. */
export function activityScene({ activityId, periodS, slot, mac }: ActivityToken): string {
  const scene = `a=${activityId.toString(36)}.${periodS.toString(36)}.${slot.toString(36)}.${mac}`
  if (scene.length > SCENE_MAX_LENGTH) throw new Error(`activity scene too long: ${scene}`)
  return scene
}

export type TokenResult = { ok: true; token: ActivityToken } | { ok: false; reason: string; siteCode?: boolean }

/** Reads a scanned scene (URL-encoded or not); the MAC is checked by the server. */
export function parseActivityScene(raw: string): TokenResult {
  let scene = raw
  try {
    scene = decodeURIComponent(raw)
  } catch {
    return { ok: false, reason: '签到码无法识别' }
  }
  if (scene.startsWith('s=')) return { ok: false, reason: '这是联盟点的签到码，活动签到请扫描组织者屏幕上的动态签到码', siteCode: true }
  if (scene.length > SCENE_MAX_LENGTH || !scene.startsWith('a=')) return { ok: false, reason: '不是活动签到码' }
  const parts = scene.slice(2).split('.')
  if (parts.length !== 4 || !B36.test(parts[0]) || !B36.test(parts[1]) || !B36.test(parts[2]) || !MAC.test(parts[3])) {
    return { ok: false, reason: '签到码无效' }
  }
  const [activityId, periodS, slot] = parts.slice(0, 3).map((part) => parseInt(part, 36))
  if (activityId < 1 || periodS < CODE_PERIOD_MIN || periodS > CODE_PERIOD_MAX) return { ok: false, reason: '签到码无效' }
  return { ok: true, token: { activityId, periodS, slot, mac: parts[3] } }
}

/** WeChat's scene for a code picked from the phone's album: not proof of being there. */
export const ALBUM_SCENE = 1049

/** An iCalendar file for one activity (times in UTC, which every calendar converts). */
export function activityIcs(activity: Pick<ActivityDetail, 'id' | 'title' | 'place' | 'siteName' | 'startsAt' | 'endsAt' | 'intro'>, stamp: Date): string {
  return icsCalendar({
    method: 'PUBLISH',
    events: [{
      uid: `activity-${activity.id}@xieshang-lianmeng`, sequence: 0, stamp, start: new Date(activity.startsAt), end: new Date(activity.endsAt),
      summary: activity.title, location: `${activity.siteName} ${activity.place}`.trim(), description: activity.intro, status: 'CONFIRMED',
    }],
  })
}

export const dayOf = (at: string | Date) => shanghaiDay(typeof at === 'string' ? new Date(at) : at)

/** "2026-11-20 10:00—12:00" in Asia/Shanghai, for lists and pages. */
export const activityWhen = (a: { startsAt: string; endsAt: string }) =>
  `${shanghaiDateTime(new Date(a.startsAt))}—${shanghaiClock(new Date(a.endsAt))}`

export const activityUrl = (id: number) => `/packages/activities/pages/detail/index?id=${id}`
