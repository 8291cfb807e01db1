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
  wrong_type: '材料类型不符合要求',
  too_large: '文件过大',
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
