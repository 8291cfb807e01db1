import type { votesContract } from '../domain/votes/contract'
import { endpoint } from './call'

const votes = endpoint<typeof votesContract>('votes')

export const configureCycle = votes('configure')
export const getBallot = votes('ballot')
export const castVote = votes('cast')
export const withdrawVote = votes('withdraw')
export const getResults = votes('results')
