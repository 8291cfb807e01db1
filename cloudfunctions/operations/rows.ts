/** The operations feature's rows as its queries read them: declared once, as type aliases (snake_case columns). */
import type { ArchivePart, Dimension, DimensionStatus, EvidenceDimension, FileKind, VisitStage, VisitVerdict } from '../../src/domain/operations'

export type ProfileRow = {
  site_id: string
  founder: string
  theme: string
  sectors: string[]
  annual_plan: string
  updated_at: Date
}

export type EvidenceRow = {
  id: number
  site_id: string
  dimension: EvidenceDimension | 'archive'
  file_kind: FileKind
  file_id: string
  bytes: number
  outside_radius: boolean
  activity_id: number | null
  part: ArchivePart | null
  note: string
  recorded_at: Date
}

/** One recorded dimension's items of a site by a quarter's end. */
export type EvidenceCountRow = {
  site_id: string
  dimension: EvidenceDimension
  items: number
  outside: number
  last_at: Date
}

/** The archive parts an activity has, as a bit mask over `archiveParts`, and when it was last added to. */
export type ArchiveMaskRow = {
  activity_id: number
  mask: number
  last_at: Date
}

export type IdRow = { id: number }

export type PlanItemRow = {
  id: number
  site_id: string
  year: number
  month: number
  title: string
  cohosts: string[]
  created_at: Date
}

/** A visit with its site's name and its verdicts of both rounds (json). */
export type VisitRow = {
  id: number
  site_id: string
  site_name: string
  quarter: string
  stage: VisitStage
  self_assessment: { dimension: Dimension; verdict: VisitVerdict; note: string }[]
  automatic: { dimension: Dimension; status: DimensionStatus; reason: string }[]
  desk_note: string
  sampled: number[]
  checked_in_at: Date | null
  due_on: string | null
  failed: boolean | null
  verdicts: { dimension: Dimension; verdict: VisitVerdict; note: string; dueOn: string | null; round: 1 | 2 }[]
}
