/** A suggestion's one way to move: the state written, one timeline row, and the event telling its author. */
import { nextState, suggestionMachine, type SuggestionMove, type SuggestionState } from '../../src/domain/opinions'
import { fail } from '../core/errors'
import type { Scope } from '../core/scope'
import type { SuggestionRow } from './rows'

export const moveLabels: Record<Exclude<SuggestionMove, 'submit'>, string> = { accept: '采纳', return: '退回', merge: '合并', withdraw: '撤回', use: '转化' }

export async function moveSuggestion(tx: Scope, row: SuggestionRow, move: Exclude<SuggestionMove, 'submit'>, actor: { userId: number; role: string }, note: string | null, extra: { mergedInto?: number } = {}): Promise<SuggestionState> {
  const to = nextState(row.state, move)
  if (!to) return fail('conflict', row.state === 'merged' ? '该建议已合并，不能再次操作' : `该建议当前状态不能${moveLabels[move]}`)
  if (suggestionMachine[move].note && !note) return fail('invalid_input', `${moveLabels[move]}时请填写说明`)
  await tx.db.query(
    `UPDATE suggestions SET state = $2, merged_into = $3, updated_at = $4, accepted_at = CASE WHEN $2 = 'accepted' THEN $4 ELSE accepted_at END WHERE id = $1`,
    [row.id, to, extra.mergedInto ?? null, tx.now],
  )
  await tx.db.query('INSERT INTO suggestion_timeline (suggestion_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    row.id, tx.now, actor.userId, actor.role, move, to, note,
  ])
  if (to === 'accepted' || to === 'returned' || to === 'merged') {
    await tx.publish({ type: 'suggestion.decided', key: `suggestion:${row.id}:${to}`, suggestionId: row.id, title: row.title, authorId: row.author_id, to, note })
  }
  return to
}
