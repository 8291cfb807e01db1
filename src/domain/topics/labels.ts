/** How pages show a topic's state and a cycle's phase. */
import type { CycleView } from '../votes'
import type { TopicState } from '.'

export const topicStateTone: Record<TopicState, 'primary' | 'success' | 'warning' | 'muted'> = {
  held: 'warning',
  submitted: 'warning',
  returned: 'warning',
  rejected: 'muted',
  merged: 'muted',
  accepted: 'primary',
  on_ballot: 'primary',
  selected: 'success',
  not_selected: 'muted',
  deliberated: 'success',
  assigned: 'primary',
  in_progress: 'primary',
  replied: 'success',
  published: 'success',
  evaluated: 'success',
  closed: 'muted',
  reopened: 'warning',
}

export const phaseLabels: Record<CycleView['phase'], string> = {
  before: '即将开始征集',
  proposing: '议题征集中',
  between: '征集结束，等待投票',
  voting: '投票进行中',
  closed: '投票已结束',
}
