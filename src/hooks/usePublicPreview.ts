/**
 * What the public will read of a text being written (staff's and handlers' replies, notes,
 * summaries, meeting records): asked once the text has stopped changing; null when nothing in it
 * would be masked, or when the preview could not be had (the form still sends).
 */
import { useEffect, useState } from 'react'
import type { PublicPreview } from '@/domain/mask'
import { previewPublicText } from '@/services/account'
import { useDebounced } from './useDebounced'

export const PREVIEW_DELAY_MS = 500

export function usePublicPreview(text: string): PublicPreview | null {
  const settled = useDebounced(text.trim(), PREVIEW_DELAY_MS)
  const [preview, setPreview] = useState<PublicPreview | null>(null)
  useEffect(() => {
    let live = true
    if (!settled) setPreview(null)
    else previewPublicText({ text: settled }).then((answer) => live && setPreview(answer), () => live && setPreview(null))
    return () => {
      live = false
    }
  }, [settled])
  return preview && (preview.numbers || preview.names.length > 0) ? preview : null
}
