/** The tag tone of each suggestion and proposal state, for the lists and the detail pages. */
import type { TagTone } from '@/components/ui/Tag'
import type { SuggestionState } from '@/domain/opinions'
import type { ProposalState } from '@/domain/opinions/proposals'

export const stateTone: Record<SuggestionState, TagTone> = {
  held: 'warning', submitted: 'primary', accepted: 'success', used: 'success', returned: 'warning', merged: 'muted', withdrawn: 'muted',
}

export const proposalTone: Record<ProposalState, TagTone> = {
  draft: 'muted', submitted: 'primary', registered: 'primary', rejected: 'warning', merged: 'muted', assigned: 'warning', replied: 'success', closed: 'success',
}
