/** The tag tone of each suggestion state, for the lists and the detail page. */
import type { TagTone } from '@/components/ui/Tag'
import type { SuggestionState } from '@/domain/opinions'

export const stateTone: Record<SuggestionState, TagTone> = {
  held: 'warning', submitted: 'primary', accepted: 'success', used: 'success', returned: 'warning', merged: 'muted', withdrawn: 'muted',
}
