/**
 * WeChat one-time subscription messages: the templates this app sends, one table, and the field
 * rules WeChat enforces on their data (a message breaking one is refused with 47003). Every value
 * is fitted to its field's rule when the message is built, so no caller can produce a bad one.
 * Template ids are the account's own (公众平台 → 订阅消息); replace them when deploying.
 */
import { shanghaiDay, shanghaiClock } from '../time'

/** WeChat's field kinds used here and their rules (thing ≤ 20, phrase ≤ 5 Chinese characters, …). */
export type FieldKind = 'thing' | 'phrase' | 'time' | 'number' | 'name'

const chars = (value: string) => [...value]
const FIELD_RULES: Record<FieldKind, (value: string) => boolean> = {
  thing: (value) => chars(value).length >= 1 && chars(value).length <= 20,
  phrase: (value) => /^[\u4e00-\u9fa5]{1,5}$/.test(value),
  time: (value) => /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(value),
  number: (value) => /^\d{1,32}(\.\d+)?$/.test(value) && value.length <= 32,
  name: (value) => chars(value).length >= 1 && chars(value).length <= 10,
}

export function fieldObeys(kind: FieldKind, value: string): boolean {
  return FIELD_RULES[kind](value)
}

/** "2026年11月20日 10:00" in Asia/Shanghai, WeChat's time field. */
export function wxTime(at: Date): string {
  const [y, m, d] = shanghaiDay(at).split('-').map(Number)
  return `${y}年${m}月${d}日 ${shanghaiClock(at)}`
}

/** Fits a value to its field's rule: truncates text (with …), keeps only Chinese in a phrase; a time that is none becomes `at`. */
export function fit(kind: FieldKind, value: string, at = new Date()): string {
  const clean = value.replace(/\s+/g, ' ').trim()
  const cut = (max: number) => (chars(clean).length <= max ? clean : `${chars(clean).slice(0, max - 1).join('')}…`)
  switch (kind) {
    case 'thing':
      return cut(20) || '无'
    case 'name':
      return cut(10) || '无'
    case 'phrase':
      return chars(clean.replace(/[^\u4e00-\u9fa5]/g, '')).slice(0, 5).join('') || '更新'
    case 'number':
      return /^\d{1,32}$/.test(clean) ? clean : '0'
    case 'time':
      if (FIELD_RULES.time(clean)) return clean
      return wxTime(/^\d{4}-\d{2}-\d{2}T/.test(clean) && !Number.isNaN(Date.parse(clean)) ? new Date(clean) : at)
  }
}

export interface Template {
  /** The account's template id. */
  id: string
  /** What the person is asked to allow (shown beside the button). */
  label: string
  /** The page a tap on the message opens. */
  page: string
  /** Field name → kind, as configured for the template on 公众平台. */
  fields: Record<string, FieldKind>
}

export const templates = {
  notice: {
    id: 'XSLM-NOTICE-TEMPLATE-ID',
    label: '通知公告提醒',
    page: 'packages/notices/pages/inbox/index',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
  topic_progress: {
    id: 'XSLM-TOPIC-PROGRESS-TEMPLATE-ID',
    label: '议题进展提醒',
    page: 'packages/notices/pages/inbox/index',
    fields: { thing1: 'thing', phrase2: 'phrase', time3: 'time' },
  },
  activity_reminder: {
    id: 'XSLM-ACTIVITY-REMINDER-TEMPLATE-ID',
    label: '活动开始提醒',
    page: 'packages/notices/pages/inbox/index',
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing' },
  },
} as const satisfies Record<string, Template>

export type TemplateKey = keyof typeof templates
export const templateKeys = Object.keys(templates) as TemplateKey[]

/** What an in-app notice asks to go out as too: a template and its raw field values. */
export interface SubscribeIntent {
  template: TemplateKey
  values: Record<string, string>
}

/** The message's data, each value fitted to its field's rule. */
export function messageData(template: TemplateKey, values: Record<string, string>, at = new Date()): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const [field, kind] of Object.entries(templates[template].fields) as [string, FieldKind][]) {
    data[field] = { value: fit(kind, values[field] ?? '', at) }
  }
  return data
}

/** A staff notice: its title, who sent it, when. */
export const noticeIntent = (title: string, from: string, at: Date): SubscribeIntent => ({
  template: 'notice',
  values: { thing1: title, thing2: from, time3: wxTime(at) },
})

const TOPIC_LINK = /^\/packages\/topics\/pages\/detail\/index\?id=\d+$/

/**
 * The subscription message an in-app notice goes out as, where its recipient authorised one: the
 * intent it carries, or, for the follower notices other features enqueue (a topic's moves), one
 * read from the notice itself. Add a feature's link here to send its moves as messages too.
 */
export function intentOf(inapp: { title: string; body: string; link?: string; subscribe?: SubscribeIntent }, at: Date): SubscribeIntent | undefined {
  if (inapp.subscribe) return inapp.subscribe
  if (inapp.link && TOPIC_LINK.test(inapp.link)) {
    const quoted = /“([^”]+)”/.exec(inapp.body)
    return {
      template: 'topic_progress',
      values: { thing1: quoted ? quoted[1] : inapp.title, phrase2: inapp.title.replace(/^议题/, ''), time3: wxTime(at) },
    }
  }
  return undefined
}
