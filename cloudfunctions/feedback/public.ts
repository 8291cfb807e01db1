/** What other features may use of feedback: the holiday calendar (statutory holidays and make-up working days). */
export { loadCalendar } from './work'
