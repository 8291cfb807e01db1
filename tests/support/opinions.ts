/** Shared by the 社情民意 tests: callers, people granted a role, a suggestion taken and accepted, counting rows. */
import { main as opinions } from '../../cloudfunctions/opinions'
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
