/**
 * The migrations: every `NNN_name.sql` in this folder, in order of NNN. Read from the folder here;
 * the build (scripts/build.mjs) replaces this module with the same files inlined, so a deployed
 * bundle carries them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface MigrationFile {
  file: string
  sql: string
}

export const migrationFiles: MigrationFile[] = readdirSync(__dirname)
  .filter((file) => file.endsWith('.sql'))
  .sort()
  .map((file) => ({ file, sql: readFileSync(join(__dirname, file), 'utf8') }))
