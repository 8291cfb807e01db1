/** Small figures helpers shared by the bench's parts. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`

/**
 * Rates of `count` operations a second over timed passes: passes 1..warm run untimed, then
 * `timed` more are timed one by one (each pass gets its number, e.g. the day or slot it writes).
 */
export async function passRates(count: number, warm: number, timed: number, pass: (n: number) => Promise<void>): Promise<number[]> {
  for (let n = 1; n <= warm; n++) await pass(n)
  const rates: number[] = []
  for (let n = warm + 1; n <= warm + timed; n++) {
    const started = performance.now()
    await pass(n)
    rates.push(count / ((performance.now() - started) / 1000))
  }
  return rates
}

/** Median milliseconds of `runs` calls of `fn`, after two untimed ones. */
export async function timeMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn()
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  return median(times)
}
