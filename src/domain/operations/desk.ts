/** The desk (代为签到): the printed card, and the monthly flag on a staff member far above the site's median. */

/** A printed personal card: its QR's code (signed, revocable) and what is printed beside it. */
export interface DeskCard {
  cardId: number
  code: string
  /** The name as printed: masked (王*英), the card may be lost. */
  printedName: string
  /** The QR image (data URL) of the code, opening CARD_PAGE. */
  image: string
}

/** The page a card's QR opens (with `scene` = the card's code): the resident binds it to their WeChat there. */
export const CARD_PAGE = 'packages/checkin/pages/card/index'
/** The card's code out of what a scan of it gives: the raw scene, or the URL of CARD_PAGE carrying it. */
export function cardCodeOf(scanned: string): string {
  const text = scanned.trim()
  const inUrl = /[?&]scene=([^&#]+)/.exec(text)
  const raw = inUrl ? inUrl[1] : text
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** A staff member flagged in a month when their desk check-ins exceed this many times the site's median. */
export const FLAG_TIMES_MEDIAN = 3
/** …and at least this many (a median of 1 should not flag someone with 4). */
export const FLAG_MIN_COUNT = 10

export interface DeskReport {
  siteId: string
  month: string
  median: number
  rows: { staffUserId: number; nickname: string; count: number; flagged: boolean }[]
}

/** The median of counts (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Whether a count stands far above the site's median in the month. */
export const flagged = (count: number, siteMedian: number) => count >= FLAG_MIN_COUNT && count > FLAG_TIMES_MEDIAN * siteMedian
