/**
 * Status values have one definition: each CHECK list in the migrations equals the TypeScript list
 * the code and the screens use, so a value added on one side only fails here, not in production.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { audiences, activityKinds, signupStatuses } from '../../src/domain/activities'
import { cycleStatuses } from '../../src/domain/cycle'
import { assignmentStatuses, dayKinds } from '../../src/domain/feedback'
import { locationStatuses } from '../../src/domain/geo'
import { noticeStatusLabels } from '../../src/domain/notices'
import { archiveParts, dimensions, evidenceDimensions, fileKinds, visitVerdicts } from '../../src/domain/operations'
import { siteCategories, siteKinds } from '../../src/domain/sites'

const FUNCTIONS = join(__dirname, '../../cloudfunctions')
const sqlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sqlFiles(path) : name.endsWith('.sql') ? [path] : []
  })
const sql = sqlFiles(FUNCTIONS).map((path) => readFileSync(path, 'utf8')).join('\n')

/** The values of `CHECK (<column> IN (...))` in the statement that creates or alters `table`. */
function checkList(table: string, column: string): string[] {
  const statement = sql.split(';').find((text) => new RegExp(`(CREATE|ALTER) TABLE ${table}\\b`).test(text) && new RegExp(`CHECK \\(${column} IN`).test(text))
  const list = statement && new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(statement)?.[1]
  if (!list) throw new Error(`no CHECK list for ${table}.${column}`)
  return [...list.matchAll(/'([a-z_]+)'/g)].map((match) => match[1])
}

const definitions: [string, string, readonly string[]][] = [
  ['sites', 'kind', siteKinds],
  ['sites', 'category', siteCategories],
  ['checkins', 'location_status', locationStatuses],
  ['cycles', 'status', cycleStatuses],
  ['calendar_days', 'kind', dayKinds],
  ['assignments', 'status', assignmentStatuses],
  ['activities', 'kind', activityKinds],
  ['activities', 'audience', audiences],
  ['activity_signups', 'status', signupStatuses],
  ['notices', 'status', Object.keys(noticeStatusLabels)],
  ['operation_evidence', 'dimension', [...evidenceDimensions, 'archive']],
  ['operation_evidence', 'file_kind', fileKinds],
  ['operation_evidence', 'part', archiveParts],
  ['operation_visit_items', 'dimension', dimensions],
  ['operation_visit_items', 'verdict', visitVerdicts],
]

describe('status values', () => {
  it.each(definitions)('%s.%s holds exactly the values its TypeScript list names', (table, column, values) => {
    expect(checkList(table, column)).toEqual([...values])
  })
})
