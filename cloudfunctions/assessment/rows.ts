/** The rows of the assessment's tables as its queries read them (snake_case, as stored). */
import type { Weights } from '../../src/domain/assessment'
import type { AppealStatus, BulletinContent, BulletinInputs, Correction } from '../../src/domain/assessment/bulletin'

export type SchemeRow = {
  year: number
  version: number
  weights: Weights
  saved_at: Date
}

export type BulletinRow = {
  month: string
  version: number
  status: 'review' | 'final' | 'superseded'
  content: BulletinContent
  hash: string
  /** null for a version published before inputs were frozen with it. */
  inputs: BulletinInputs | null
  inputs_hash: string | null
  scheme_version: number
  frozen_at: Date
  appeal_until: string
  published_at: Date | null
  change_log: Correction[]
}

export type AppealRow = {
  id: number
  month: string
  version: number
  site_id: string
  site_name: string
  figure: string
  value: number
  claimed: number
  reason: string
  evidence: string
  status: AppealStatus
  filed_at: Date
  decided_at: Date | null
  note: string | null
  issued_version: number | null
}

export type VersionRow = { version: number }
export type MonthRow = { month: string }
