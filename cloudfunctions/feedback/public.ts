/** What other features may use of feedback: the holiday calendar (statutory holidays and 调休 working days) that working days are counted on. */
export { loadCalendar } from './work'
