/**
 * notices: following sites, staff notices to an audience, the notice centre (inbox, unread count,
 * read receipts), one-time subscription authorisations, and the senders' delivery log.
 * Its jobs publish scheduled notices and drain the outbox.
 */
import * as v from 'valibot'
import { returns } from '../contract'
import { AUDIENCE_PARTS_MAX, linkKinds, noticeBodyLimits, noticeTitleLimits, type Delivery, type InboxItem, type InboxPage, type NoticeHead, type NoticeStatus, type SentNotice } from '.'
import { pageFields, type Page } from '../page'
import { bindableRoles } from '../roles'
import { recordId, siteId, unitId } from '../schemas'
import { templateKeys, type TemplateKey } from './subscriptions'
import { text } from '../text'
import { PHOTO_ID } from '../photos'
import { topicIdSchema } from '../topics/contract'

const id = recordId
const noticeId = id('通知编号')
const list = <S extends v.GenericSchema>(item: S, label: string, max: number) =>
  v.pipe(v.array(item, `${label}格式不正确`), v.minLength(1, `请选择${label}`), v.maxLength(max, `${label}最多 ${max} 个`))

export const audiencePart = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('everyone') }),
    v.object({ kind: v.literal('sites'), siteIds: list(siteId, '联盟点', 50) }),
    v.object({ kind: v.literal('members'), sector: v.optional(text('界别', { min: 1, max: 20 })) }),
    v.object({ kind: v.literal('units'), unitIds: list(unitId, '承办单位', 20) }),
    v.object({ kind: v.literal('roles'), roles: list(v.picklist(bindableRoles, '角色不正确'), '角色', bindableRoles.length) }),
    v.object({ kind: v.literal('topics'), topicIds: list(topicIdSchema, '议题', 20) }),
    v.object({ kind: v.literal('activities'), activityIds: list(id('活动编号'), '活动', 20) }),
  ],
  '请选择发送对象',
)

const audience = v.pipe(v.array(audiencePart, '请选择发送对象'), v.minLength(1, '请选择发送对象'), v.maxLength(AUDIENCE_PARTS_MAX, `发送对象最多 ${AUDIENCE_PARTS_MAX} 类`))

export const noticesContract = {
  publish: {
    input: v.object({
      title: text('标题', noticeTitleLimits),
      body: text('正文', noticeBodyLimits),
      cover: v.optional(v.pipe(v.string('封面格式不正确'), v.regex(PHOTO_ID, '封面只能是 JPG 或 PNG 图片'))),
      link: v.optional(v.object({ kind: v.picklist(linkKinds, '链接类型不正确'), id: v.pipe(v.string('请提供链接对象'), v.regex(/^[A-Za-z0-9_-]{1,24}$/, '链接对象不正确')) })),
      audience,
      publishAt: v.optional(v.pipe(v.string('请填写发布时间'), v.isoTimestamp('发布时间格式不正确'))),
      pinned: v.optional(v.boolean(), false),
    }),
    output: returns<{ id: number; status: NoticeStatus; publishAt: string; audienceSize: number | null }>(),
  },
  /** Read-only: how many people an audience reaches now, before sending. */
  reach: { input: v.object({ audience }), output: returns<{ people: number }>() },
  withdraw: { input: v.object({ noticeId }), output: returns<{ id: number; status: NoticeStatus }>() },
  pin: { input: v.object({ noticeId, pinned: v.boolean('请说明是否置顶') }), output: returns<{ id: number; pinned: boolean }>() },
  inbox: { input: v.object({ ...pageFields }), output: returns<InboxPage>() },
  read: {
    input: v.object({ ids: v.optional(v.pipe(v.array(id('消息编号')), v.maxLength(100, '一次最多 100 条')), []), all: v.optional(v.boolean(), false) }),
    output: returns<{ unread: number }>(),
  },
  open: { input: v.object({ id: id('消息编号') }), output: returns<InboxItem>() },
  unread: { input: v.object({}), output: returns<{ unread: number }>() },
  sent: { input: v.object({ ...pageFields }), output: returns<Page<SentNotice>>() },
  deliveries: { input: v.object({ noticeId, ...pageFields }), output: returns<Page<Delivery> & { notice: NoticeHead }>() },
  authorize: {
    input: v.object({
      templates: v.pipe(v.array(v.picklist(templateKeys, '未知的订阅消息模板'), '未知的订阅消息模板'), v.minLength(1, '请选择订阅消息'), v.maxLength(3, '一次最多订阅 3 种消息')),
    }),
    output: returns<{ unused: Record<TemplateKey, number> }>(),
  },
  follow: { input: v.object({ siteId, follow: v.boolean('请说明是否关注') }), output: returns<{ following: boolean; followers: number }>() },
  followState: { input: v.object({ siteId }), output: returns<{ following: boolean; followers: number }>() },
}
