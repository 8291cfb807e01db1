/** Shared by the 社情民意 tests: callers, people granted a role, a suggestion taken and accepted, counting rows, the machines' check over the rows. */
import { main as opinions } from '../../cloudfunctions/opinions'
import { reportMachine, reportStates, suggestionMachine, suggestionStates } from '../../src/domain/opinions'
import { proposalMachine, proposalStates } from '../../src/domain/opinions/proposals'
import type { Queryable } from '../../cloudfunctions/core/db'
import { caller, type TestRuntime } from './runtime'

export const as = (openid: string) => caller(opinions, openid)
export const editor = as('demo-editor')

export const suggestion = (title: string, extra: object = {}) => ({
  title, content: `${title}，建议有关部门研究解决，方便群众办事。`, category: '城市建设', siteId: 'F01', ...extra,
})
export const proposalDraft = (title: string, suggestionIds: number[] = []) => ({
  title, body: `${title}：近期联盟点收集到群众多条相关意见建议，现提出如下提案，请有关部门研究办理。`, category: '城市建设', suggestionIds,
})

/** A person with a role (a member, a unit's handler), made when the test needs them. */
export async function grant(rt: TestRuntime, openid: string, nickname: string, role: string, unitId: string | null = null) {
  await rt.db.query('INSERT INTO users (openid, nickname) VALUES ($1, $2) ON CONFLICT DO NOTHING', [openid, nickname])
  await rt.db.query('INSERT INTO user_roles (user_id, role, unit_id) SELECT id, $2, $3 FROM users WHERE openid = $1 ON CONFLICT DO NOTHING', [openid, role, unitId])
  return as(openid)
}

/** A suggestion by `openid`, accepted by the editor; its id. */
export async function accepted(openid: string, title: string): Promise<number> {
  const id = (await as(openid)('submit', suggestion(title))).data.id
  await editor('screen', { suggestionId: id, decision: 'accept' })
  return id
}

export const count = async (rt: TestRuntime, sql: string, params: unknown[] = []) => Number((await rt.db.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n)
export const userId = async (rt: TestRuntime, openid: string) => Number((await rt.db.query('SELECT id FROM users WHERE openid = $1', [openid]))[0].id)

export const TIMELINES = ['suggestion_timeline', 'report_timeline', 'proposal_timeline']

/** Each machine as (move → states it may start from); the first row of a timeline is its creation. */
const legal: Record<string, Record<string, readonly string[]>> = {
  suggestion_timeline: Object.fromEntries(Object.entries(suggestionMachine).map(([move, rule]) => [move, rule.from])),
  report_timeline: { ...Object.fromEntries(Object.entries(reportMachine).map(([move, rule]) => [move, rule.from])), hand_off: ['endorsed'] },
  proposal_timeline: Object.fromEntries(Object.entries(proposalMachine).map(([move, rule]) => [move, rule.from])),
}
export const OWNERS: Record<string, [string, string, readonly string[]]> = {
  suggestion_timeline: ['suggestions', 'suggestion_id', suggestionStates],
  report_timeline: ['opinion_reports', 'report_id', reportStates],
  proposal_timeline: ['proposals', 'proposal_id', proposalStates],
}

/** Every row in a known state, reached by legal moves, its last timeline row naming it. */
export async function checkMachines(db: Queryable) {
  for (const timeline of TIMELINES) {
    const [table, key, states] = OWNERS[timeline]
    const rows = await db.query<{ id: number; state: string; moves: string[]; tos: string[] }>(
      `SELECT o.id, o.state, array_agg(t.move ORDER BY t.id) AS moves, array_agg(t.to_state ORDER BY t.id) AS tos FROM ${table} o JOIN ${timeline} t ON t.${key} = o.id GROUP BY o.id, o.state`,
    )
    expect(rows.length).toBe(Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n))
    for (const row of rows) {
      expect(states).toContain(row.state)
      for (let i = 1; i < row.moves.length; i++) expect([timeline, row.id, row.moves[i], legal[timeline][row.moves[i]]?.includes(row.tos[i - 1])]).toEqual([timeline, row.id, row.moves[i], true])
      expect([timeline, row.id, row.tos[row.tos.length - 1]]).toEqual([timeline, row.id, row.state])
    }
  }
}

