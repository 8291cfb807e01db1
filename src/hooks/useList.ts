/**
 * One list's pages over the kernel's keyset cursor (`{ items, next }`): the first page when `key`
 * changes, the next one when the person reaches the bottom, all again on `reload` (pull-to-refresh).
 * An answer to an older key or an older reload is dropped.
 */
import { useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@/domain/page'
import type { CallFailure } from '@/services/call'
import { asFailure, createLatest } from './latest'

export type ListStatus = 'loading' | 'ready' | 'more' | 'error'

export interface ListState<T> {
  items: T[]
  next: string | null
  status: ListStatus
  /** Set when status is 'error': the first page or the next one failed. */
  error?: CallFailure
  /** The first page again, keeping what is shown until it answers. */
  reload(): Promise<void>
  /** The next page, when there is one and nothing is loading. */
  loadMore(): void
}

export function useList<T>(key: string, fetchPage: (cursor?: string) => Promise<Page<T>>): ListState<T> {
  const [state, setState] = useState<Pick<ListState<T>, 'items' | 'next' | 'status' | 'error'>>({ items: [], next: null, status: 'loading' })
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const stateRef = useRef(state)
  stateRef.current = state
  const [latest] = useState(createLatest)

  const fetchInto = useCallback((cursor?: string) => {
    const current = latest.take()
    return fetchRef.current(cursor).then(
      (page) => {
        if (!current()) return
        setState((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, next: page.next, status: 'ready' }))
      },
      (error) => {
        if (current()) setState((s) => ({ ...s, status: 'error', error: asFailure(error) }))
      },
    )
  }, [latest])

  useEffect(() => {
    setState({ items: [], next: null, status: 'loading' })
    fetchInto()
  }, [key, fetchInto])

  const loadMore = useCallback(() => {
    const { next, status } = stateRef.current
    if (!next || status === 'loading' || status === 'more') return
    // Marked at once: a second scroll event can come before the next render.
    stateRef.current = { ...stateRef.current, status: 'more' }
    setState((s) => ({ ...s, status: 'more', error: undefined }))
    fetchInto(next)
  }, [fetchInto])

  const reload = useCallback(() => {
    if (!stateRef.current.items.length) setState((s) => ({ ...s, status: 'loading', error: undefined }))
    return fetchInto()
  }, [fetchInto])

  useReachBottom(loadMore)

  return { ...state, reload, loadMore }
}
