/**
 * The holiday calendar (a seeding step): statutory holidays and make-up working days (调休). 2026
 * is the State Council's published arrangement (国办发明电〔2025〕7号). 2027 is PROVISIONAL: not yet
 * published when this was written; laid out by the same rules (Spring Festival eve to the 8th
 * day, weekends joined with make-up days) for staff to correct with `feedback.setDay` once the
 * notice is out.
 */
type Span = [from: string, to: string, name: string]

const holidays: Span[] = [
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
  // 2027: provisional.
  ['2027-01-01', '2027-01-03', '元旦'],
  ['2027-02-05', '2027-02-13', '春节'],
  ['2027-04-03', '2027-04-05', '清明节'],
  ['2027-05-01', '2027-05-05', '劳动节'],
  ['2027-06-09', '2027-06-09', '端午节'],
  ['2027-09-15', '2027-09-15', '中秋节'],
  ['2027-10-01', '2027-10-07', '国庆节'],
]

const workdays: [day: string, name: string][] = [
  ['2026-01-04', '元旦调休'],
  ['2026-02-14', '春节调休'],
  ['2026-02-28', '春节调休'],
  ['2026-05-09', '劳动节调休'],
  ['2026-09-20', '国庆节调休'],
  ['2026-10-10', '国庆节调休'],
  // 2027: provisional.
  ['2027-02-20', '春节调休'],
  ['2027-04-25', '劳动节调休'],
  ['2027-05-08', '劳动节调休'],
  ['2027-09-26', '国庆节调休'],
  ['2027-10-09', '国庆节调休'],
]

function* days(from: string, to: string) {
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) yield new Date(at).toISOString().slice(0, 10)
}

/** Every calendar row: [day, kind, name]. */
export const calendarRows: [string, 'holiday' | 'workday', string][] = [
  ...holidays.flatMap(([from, to, name]) => [...days(from, to)].map((day): [string, 'holiday', string] => [day, 'holiday', name])),
  ...workdays.map(([day, name]): [string, 'workday', string] => [day, 'workday', name]),
]
