/**
 * What every handler runs against: the database, the platform and the clock. The host and the
 * tests set it; a deployed function builds it from its environment on first call.
 */
import type { Clock } from './clock'
import { systemClock } from './clock'
import { openDb, poolSettings, type Db } from './db'
import { migrate } from './migrate'
import type { Platform } from './platform'
import { wxPlatform } from './platform-wx'

export interface Runtime {
  db: Db
  platform: Platform
  clock: Clock
}

/** Builds once and keeps the result; a failed build (say, a migration that failed) is tried again on the next call. */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined
  return () =>
    (built ??= build().catch((error) => {
      built = undefined
      throw error
    }))
}

let current: (() => Promise<Runtime>) | undefined

export function setRuntime(runtime: Runtime): void {
  current = () => Promise.resolve(runtime)
}

export function getRuntime(): Promise<Runtime> {
  current ??= once(deployedRuntime)
  return current()
}

async function deployedRuntime(): Promise<Runtime> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set for the deployed function')
  const db = await openDb(process.env.DATABASE_URL, undefined, poolSettings(process.env, true))
  try {
    await migrate(db)
  } catch (error) {
    await db.close().catch(() => undefined)
    throw error
  }
  return { db, platform: wxPlatform(), clock: systemClock }
}
