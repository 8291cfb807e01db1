/** Stable error codes of the call envelope, with the Chinese message shown when a handler gives none. */
export const errorMessages = {
  invalid_input: '输入有误，请检查后重试',
  unauthenticated: '请先登录',
  forbidden: '没有权限进行此操作',
  not_found: '未找到相关内容',
  duplicate: '已经提交过了',
  expired: '已过期，请刷新后重试',
  outside_window: '不在允许的时间范围内',
  poll_closed: '投票已结束',
  rate_limited: '操作太频繁，请稍后再试',
  conflict: '内容已被他人修改，请刷新后重试',
  content_rejected: '内容含有不适宜的信息，请修改后再提交',
  // bookings (resources): each refusal its own code
  buffer_conflict: '与相邻预约的准备或整理时间重叠，请调整时间',
  invalid_range: '结束时间须晚于开始时间',
  in_past: '不能预约已经过去的时间',
  too_far_ahead: '超出可预约的日期范围',
  short_notice: '预约需要提前申请',
  bad_length: '预约时长不在允许范围内',
  quota_exceeded: '有效预约已达上限',
  too_late: '已过取消期限',
  already_decided: '该预约已处理',
  not_yours: '只能取消自己的预约',
  closed: '该资源暂停预约',
  closed_day: '该日不开放预约',
  outside_hours: '不在开放时间内',
  hours_exceeded: '本单位本月预约时长已达上限',
  suspended: '预约功能已暂停',
  full: '名额已满',
  not_confirmed: '预约尚未确认',
  wrong_site: '签到码与预约地点不符',
  // the assessment's bulletin cycle
  period_open: '该月尚未冻结，不能复算',
  appeals_open: '申诉期未满，暂不能定稿发布',
  bulletin_final: '通报已定稿，不能再申诉',
  // evidence files (operations)
  wrong_type: '材料类型不符合要求',
  too_large: '文件过大',
  // 社情民意 (opinions)
  endorsement_hidden: '批示内容仅限社情民意信息员和监督员查看',
  not_assigned: '本单位未承办此事项',
  extension_too_long: '提案办理期限最长 6 个月，不能再延期',
  // quarterly visits and the desk (operations)
  own_site: '不能评审本人负责的联盟点',
  wrong_code: '签到码不正确',
  card_revoked: '该签到卡已作废',
  // experts, data and calendars (resources)
  not_invited: '只有受邀的专家可以答复',
  not_accepted: '专家接受邀请后才能查看联系方式',
  not_ended: '活动结束后才能确认已开展',
  not_data: '只有数据资源可以申请数据',
  link_invalid: '下载链接无效',
  link_expired: '下载链接已过期',
  already_converted: '该预约已转为活动',
  // sign-in and sessions (self-hosted)
  session_expired: '登录已过期，请重新登录',
  invalid_state: '登录链接已失效或不是在本浏览器发起的，请重新登录',
  invalid_code: '登录凭证无效或已使用，请重新登录',
  snapshot_user: '当前为微信快照页，仅可浏览。请点击右下角“使用完整服务”后再登录',
  wechat_unavailable: '微信登录服务暂时无法连接，请稍后再试',
  cross_origin: '请求来源不被允许，请从本站页面操作',
  network: '网络连接失败，请检查网络后重试',
  internal: '服务暂时不可用，请稍后再试',
} as const

export type ErrorCode = keyof typeof errorMessages

export interface CallError {
  code: ErrorCode
  message: string
  /** Extra facts a client may show, e.g. the first record behind a `duplicate`. */
  data?: unknown
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: CallError }

export interface CallEvent {
  action: string
  data?: unknown
}
