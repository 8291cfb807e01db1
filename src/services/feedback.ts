import type { feedbackContract } from '../domain/feedback/contract'
import { endpoint } from './call'

const feedback = endpoint<typeof feedbackContract>('feedback')

export const listUnits = feedback('units')
export const assignTopic = feedback('assign')
export const listAssignments = feedback('assignments')
export const acknowledgeAssignment = feedback('acknowledge')
export const postProgress = feedback('progress')
export const replyAssignment = feedback('reply')
export const superviseTopic = feedback('supervise')
export const publishOutcome = feedback('publish')
export const listOutcomes = feedback('outcomes')
export const topicStory = feedback('story')
export const rateOutcome = feedback('rate')
export const unitStats = feedback('unitStats')
export const appealRating = feedback('appeal')
export const decideAppeal = feedback('decideAppeal')
export const decideReassign = feedback('reassign')
export const getCalendar = feedback('calendar')
export const setCalendarDay = feedback('setDay')
export const setDueDays = feedback('setDueDays')
