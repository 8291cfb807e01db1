/**
 * The migrations: the kernel's `NNN_name.sql` in this folder and each feature's in
 * `cloudfunctions/<feature>/migrations/`, in order of NNN (one numbering for all). Read from the
 * folders here; the build (scripts/build.mjs) replaces this module with the same files inlined, so
 * a deployed bundle carries them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'

export interface MigrationFile {
  file: string
  sql: string
}

const functionsDir = join(__dirname, '..', '..')
const folders = [__dirname, ...readdirSync(functionsDir).map((name) => join(functionsDir, name, 'migrations')).filter((dir) => dir !== __dirname && existsSync(dir))]

export const migrationFiles: MigrationFile[] = folders
  .flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.sql')).map((file) => join(dir, file)))
  .sort((a, b) => basename(a).localeCompare(basename(b)))
  .map((path) => ({ file: basename(path), sql: readFileSync(path, 'utf8') }))
