/** Small figures helpers shared by the bench's parts. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`

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
