/** The server's clock. Tests set it; everything that judges time reads it from here. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock fixed at an instant, moved by hand. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at)
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next)
    },
  }
}

/** The system's clock shifted by hand (the local host's DEV_CLOCK): time goes on from the instant set (or `start`). */
export function shiftedClock(start?: string): Clock & { set(at: Date | string): void } {
  const from = start === undefined ? undefined : new Date(start)
  if (from && Number.isNaN(from.getTime())) throw new Error(`DEV_CLOCK_AT is not an instant: ${start} (write it as 2026-11-20T02:00:00Z)`)
  let offset = from ? from.getTime() - Date.now() : 0
  return {
    now: () => new Date(Date.now() + offset),
    set: (at) => {
      offset = new Date(at).getTime() - Date.now()
    },
  }
}
