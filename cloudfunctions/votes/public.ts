/** What other features may use of votes: the site's monthly cycle, which month a new topic is proposed for. */
export { ensureCycle, proposalCycle, type CycleRow } from './cycles'
