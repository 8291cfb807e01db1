/** What other features may use of 交办督复评: the holiday calendar (working days are judged by it). */
export { loadCalendar } from './work'
