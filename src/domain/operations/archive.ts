/** The archive (档案): one item per activity, numbered year-site-sequence, closed only with all four parts. */
import type { ArchivePart } from '.'

/** An item's number as the district files it: 2026-W05-007. */
export const archiveNumber = (year: number, siteId: string, seq: number) => `${year}-${siteId}-${String(seq).padStart(3, '0')}`

/** One activity of the year in a site's archive index. */
export interface ArchiveEntry {
  activityId: number
  /** Null until its first part is recorded. */
  number: string | null
  title: string
  startsAt: string
  /** The sign-in list: how many checked in. */
  signins: number
  parts: ArchivePart[]
  /** Plan, sign-in list, minutes and at least one photo. */
  closed: boolean
  /** What is still missing, in Chinese, empty when closed. */
  missing: string[]
}

export interface ArchiveIndex {
  siteId: string
  siteName: string
  year: number
  entries: ArchiveEntry[]
  closed: number
}

/** The yearly bundle: a tar of the index, each activity's sign-in list and files, and a SHA-256 manifest. */
export interface ArchiveBundle {
  fileName: string
  bytes: number
  /** SHA-256 of the whole tar. */
  sha256: string
  files: number
  /** Parts whose file the store no longer holds (named in the index). */
  missingFiles: number
  base64: string
}

/** A short-lived link to a private file (evidence, archive parts). */
export interface FileLink {
  url: string
  expiresAt: string
}
