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
  // evidence files (operations)
  wrong_type: '材料类型不符合要求',
  too_large: '文件过大',
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
