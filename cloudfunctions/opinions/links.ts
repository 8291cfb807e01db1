/**
 * Suggestions feeding an output (a 专报 or a 提案): each must be accepted (or already used), is
 * linked once, and moves to `used` with its timeline row. Links are never removed.
 */
import { isEditor } from '../../src/domain/opinions/permissions'
import { roleLabels } from '../../src/domain/roles'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import type { Scope } from '../core/scope'
import { moveSuggestion } from './moves'
import { loadSuggestion } from './read'

export interface Output {
  table: 'report_suggestions' | 'proposal_suggestions'
  column: 'report_id' | 'proposal_id'
  id: number
  name: '专报' | '提案'
  /** The timeline note of each suggestion's `use`. */
  label: string
}

export async function linkSuggestions(tx: Scope, output: Output, suggestionIds: readonly number[], caller: Caller) {
  const role = isEditor(caller) ? roleLabels.opinion_editor : roleLabels.member
  for (const suggestionId of [...new Set(suggestionIds)].sort((a, b) => a - b)) {
    const suggestion = await loadSuggestion(tx.db, suggestionId, true)
    if (suggestion.state !== 'accepted' && suggestion.state !== 'used') fail('conflict', `建议“${suggestion.title}”尚未采纳，不能写入${output.name}`)
    await tx.db.query(`INSERT INTO ${output.table} (${output.column}, suggestion_id) VALUES ($1, $2)`, [output.id, suggestionId])
    await moveSuggestion(tx, suggestion, 'use', { userId: caller.userId, role }, output.label)
  }
}
