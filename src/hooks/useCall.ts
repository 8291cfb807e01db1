/**
 * One call's answer for a page: loading, the data, or the failure (with its Chinese message) and a
 * retry. The call runs again when `key` changes; an answer to an older key is dropped. A null key
 * waits (nothing to ask yet).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CallFailure } from '@/services/call'
import { asFailure, createLatest } from './latest'

export interface CallState<T> {
  data?: T
  error?: CallFailure
  loading: boolean
  retry(): void
}

export function useCall<T>(key: string | null, run: () => Promise<T>): CallState<T> {
  const [state, setState] = useState<Omit<CallState<T>, 'retry'>>({ loading: key !== null })
  const runRef = useRef(run)
  runRef.current = run
  const [latest] = useState(createLatest)

  const load = useCallback(() => {
    const current = latest.take()
    setState((s) => ({ data: s.data, loading: true }))
    runRef.current().then(
      (data) => current() && setState({ data, loading: false }),
      (error) => current() && setState((s) => ({ data: s.data, error: asFailure(error), loading: false })),
    )
  }, [latest])

  useEffect(() => {
    if (key !== null) load()
  }, [key, load])

  return { ...state, retry: load }
}
