/**
 * An iCalendar (RFC 5545) writer: an activity's or a booking's file, a unit's feed. Times in UTC
 * (`…Z`, so no VTIMEZONE is needed and no zone is guessed), text escaped (\\ \; \, \n), lines
 * folded at 75 octets without splitting a character, CRLF endings. An event keeps one UID for
 * life; its SEQUENCE rises on every change, and a cancelled one is sent as `METHOD:CANCEL` with
 * `STATUS:CANCELLED` (RFC 5546), so calendars remove it.
 */
export interface IcsEvent {
  uid: string
  sequence: number
  start: Date
  end: Date
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date
  summary: string
  description?: string
  location?: string
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'
}

export const ICS_PRODID = '-//xieshang-lianmeng//calendar//ZH'
export const ICS_TYPE = 'text/calendar; charset=utf-8'

/** TEXT value escaping (RFC 5545 §3.3.11). */
export const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')

/** A UTC DATE-TIME: 20261123T013000Z. */
export const icsTime = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

const encoder = new TextEncoder()

/** A content line folded at 75 octets (§3.1): continuation lines start with one space; a character is never split. */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    const limit = out.length === 0 ? 75 : 74
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

function eventLines(e: IcsEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsTime(e.stamp)}`,
    `DTSTART:${icsTime(e.start)}`,
    `DTEND:${icsTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    `STATUS:${e.status}`,
    'END:VEVENT',
  ]
}

/** A whole calendar: one booking's file (PUBLISH, or CANCEL when it is cancelled) or a feed (PUBLISH with a name). */
export function icsCalendar(spec: { method: 'PUBLISH' | 'CANCEL'; name?: string; events: readonly IcsEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${spec.method}`,
    ...(spec.name ? [`X-WR-CALNAME:${escapeText(spec.name)}`] : []),
    ...spec.events.flatMap(eventLines),
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
