import type { topicsContract } from '../domain/topics/contract'
import { endpoint } from './call'

const topics = endpoint<typeof topicsContract>('topics')

export const proposeTopic = topics('propose')
export const editTopic = topics('edit')
export const similarTopics = topics('similar')
export const screenTopic = topics('screen')
export const getTopic = topics('get')
export const listTopics = topics('list')
export const followTopic = topics('follow')
export const recordMeeting = topics('recordMeeting')
