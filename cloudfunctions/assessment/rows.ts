/** The rows of the assessment's tables as its queries read them (snake_case, as stored). */
import type { Bulletin, BulletinStatus, Weights } from '../../src/domain/assessment'

export type SchemeRow = {
  year: number
  version: number
  weights: Weights
  saved_at: Date
}

export type BulletinRow = {
  month: string
  status: BulletinStatus
  content: Bulletin
  hash: string
  published_at: Date | null
}

export type VersionRow = { version: number }
