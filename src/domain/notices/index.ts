/**
 * Staff notices: who they are addressed to (an audience of one or more parts, each a kind), what
 * they link to, and what the notice centre and the staff pages show of them.
 */
import { lengthProblem } from '../limits'
import type { BindableRole } from '../roles'

export const TITLE_MAX = 40
export const BODY_MAX = 2000
/** Parts in one audience; a person in two parts gets the notice once. */
export const AUDIENCE_PARTS_MAX = 5

/** Audience kinds. */
export type AudiencePart =
  | { kind: 'everyone' }
  | { kind: 'sites'; siteIds: string[] }
  | { kind: 'members'; sector?: string }
  | { kind: 'units'; unitIds: string[] }
  | { kind: 'roles'; roles: BindableRole[] }
  | { kind: 'topics'; topicIds: number[] }
  | { kind: 'activities'; activityIds: number[] }
export type AudienceKind = AudiencePart['kind']

export const audienceLabels: Record<AudienceKind, string> = {
  everyone: '全体用户',
  sites: '联盟点关注者',
  members: '政协委员',
  units: '承办单位经办人',
  roles: '指定角色',
  topics: '议题关注者',
  activities: '活动报名者',
}

export const linkKinds = ['topic', 'activity', 'site'] as const
export type LinkKind = (typeof linkKinds)[number]

/** The page a notice's link opens. */
export function linkPath(kind: LinkKind, id: string): string {
  switch (kind) {
    case 'topic':
      return `/packages/topics/pages/detail/index?id=${id}`
    case 'activity':
      return `/packages/activities/pages/detail/index?id=${id}`
    case 'site':
      return `/packages/sites/pages/detail/index?id=${id}`
  }
}

export const noticeTitleLimits = { min: 2, max: TITLE_MAX }
export const noticeBodyLimits = { min: 2, max: BODY_MAX }

/** Every problem of a notice's draft at once, by field, in the function's words. */
export function noticeDraftProblems(draft: { title: string; body: string; audience: AudiencePart }) {
  return {
    audience: draft.audience.kind === 'sites' && draft.audience.siteIds.length === 0 ? '请选择联盟点' : undefined,
    title: lengthProblem('标题', draft.title, noticeTitleLimits),
    body: lengthProblem('正文', draft.body, noticeBodyLimits),
  }
}

export const noticeStatuses = ['scheduled', 'published', 'withdrawn'] as const
export type NoticeStatus = (typeof noticeStatuses)[number]
export const noticeStatusLabels: Record<NoticeStatus, string> = { scheduled: '待发布', published: '已发布', withdrawn: '已撤回' }

/** One entry of a person's notice centre: a staff notice or what happened to something they follow. */
export interface InboxItem {
  id: number
  title: string
  body: string
  link: string | null
  at: string
  read: boolean
  noticeId: number | null
  sender: string | null
  cover: string | null
  /** What a notice links to (a topic, activity or site page). */
  target: string | null
  pinned: boolean
}

export interface InboxPage {
  items: InboxItem[]
  next: string | null
  /** On the first page only: pinned notices, shown above the list. */
  pinned: InboxItem[]
  unread: number
}

/** A notice as its senders see it, with its audience size, deliveries and reads. */
export interface SentNotice {
  id: number
  title: string
  sender: string
  status: NoticeStatus
  pinned: boolean
  publishAt: string
  audience: AudiencePart[]
  audienceSize: number | null
  delivered: number
  read: number
  messages: number
}

/** What a notice's delivery log is headed by: which notice, where it stands. */
export interface NoticeHead {
  id: number
  title: string
  status: NoticeStatus
  pinned: boolean
  publishAt: string
  audienceSize: number | null
}

/** The sender's actions that apply to a notice as it stands: withdrawn, nothing; otherwise 撤回 and one of 置顶 / 取消置顶. */
export function noticeActions(notice: Pick<NoticeHead, 'status' | 'pinned'>): ('withdraw' | 'pin' | 'unpin')[] {
  if (notice.status === 'withdrawn') return []
  return [notice.pinned ? 'unpin' : 'pin', 'withdraw']
}

/** How a message goes (an in-app notice, a WeChat subscription message), and where it stands. */
export const deliveryKinds = ['inapp', 'subscribe'] as const
export const deliveryStatuses = ['pending', 'sending', 'sent', 'failed'] as const

export interface Delivery {
  id: number
  recipient: string
  kind: (typeof deliveryKinds)[number]
  status: (typeof deliveryStatuses)[number]
  attempts: number
  lastError: string | null
  sentAt: string | null
  read: boolean
}

/** How a notice's audience reads in a sentence. */
export function describeAudience(audience: AudiencePart[]): string {
  return audience
    .map((part) => {
      switch (part.kind) {
        case 'sites':
          return `${part.siteIds.length} 个联盟点的关注者`
        case 'members':
          return part.sector ? `${part.sector}界别委员` : '全体委员'
        case 'units':
          return `${part.unitIds.length} 个单位的经办人`
        case 'topics':
          return `${part.topicIds.length} 个议题的关注者`
        default:
          return audienceLabels[part.kind]
      }
    })
    .join('、')
}
