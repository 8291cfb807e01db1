/** What came of a suggestion, in one line for its author: 专报“…”已采用：区委办公室采用. */
import type { SuggestionOutcome } from '.'

const kindLabels: Record<SuggestionOutcome['kind'], string> = { report: '专报', proposal: '提案', handoff: '即商即转' }

export const outcomeLine = (o: SuggestionOutcome) => `${kindLabels[o.kind]}“${o.title}”${o.stateLabel}${o.answer ? `：${o.answer}` : ''}`
