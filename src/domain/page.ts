/**
 * Lists come a page at a time: `{ items, next }`, where `next` is an opaque cursor to pass back for
 * the following page, or null at the end. No list is unbounded.
 */
import * as v from 'valibot'

export interface Page<T> {
  items: T[]
  next: string | null
}

export const PAGE_DEFAULT = 20
export const PAGE_MAX = 100

/** The fields every list action's input carries. */
export const pageFields = {
  cursor: v.optional(v.pipe(v.string('分页参数无效'), v.maxLength(400, '分页参数无效'), v.regex(/^[A-Za-z0-9_-]+$/, '分页参数无效'))),
  limit: v.optional(
    v.pipe(v.number('数量必须是数字'), v.integer('数量必须是整数'), v.minValue(1, '数量至少为 1'), v.maxValue(PAGE_MAX, `数量最多为 ${PAGE_MAX}`)),
  ),
}

export interface PageInput {
  cursor?: string
  limit?: number
}
