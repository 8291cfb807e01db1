/**
 * Features own their data: every table has one owner (a feature's manifest or the kernel), only
 * the owner's code writes it, and a feature uses another only through that one's `public.ts`.
 * The crossings that remain would be listed below, each with where it goes; the list may only
 * shrink (a crossing that is gone must be struck from it, a new one fails). None is left.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { KERNEL_TABLES } from '../../cloudfunctions/core/feature'
import { features } from '../../cloudfunctions/features'

const FUNCTIONS = join(__dirname, '../../cloudfunctions')

/** Writes to another owner's table, as `writer file → table`, still to be moved behind the owner. */
const KNOWN_WRITES: string[] = []

/** Imports of another feature's files other than its public.ts. */
const KNOWN_IMPORTS: string[] = []

/** Features that depend on each other (a circle), to be broken by an event (the last, topics ↔ votes, became `ballot.opened` and `ballot.closed`). */
const KNOWN_CIRCLES: string[] = []

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesOf(path) : /\.(ts|sql)$/.test(name) ? [path] : []
  })
}

/** Demo data seeds every table it needs, as fixtures do; the rule is for the code that runs. */
const isDemo = (path: string) => /[\\/]demo(-[a-z]+)?\.ts$/.test(path)
const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)(\/\/|--)[^\n]*/g, '$1')
const WRITE = /\b(?:INSERT\s+INTO|(?<!FOR\s)(?<!FOR NO KEY\s)UPDATE|DELETE\s+FROM|TRUNCATE)\s+([a-z_][a-z0-9_]*)/gi

const owners = new Map<string, string>()
for (const table of KERNEL_TABLES) owners.set(table, 'kernel')
for (const feature of features) for (const table of feature.tables) owners.set(table, feature.definition.name)

const folderOf = (owner: string) => (owner === 'kernel' ? 'core' : owner)
const codeOf = (owner: string) => filesOf(join(FUNCTIONS, folderOf(owner))).filter((path) => !isDemo(path))

/**
 * What runs of a migration: its function bodies, unless a later migration defines the function
 * again (a shipped migration is never edited, so a crossing in its function is retired by redefining
 * it elsewhere), and its other statements, which ran once; those may fill a table the same file
 * creates (006 seeds duty's rules where it makes their table: ownership is the manifest's, not the
 * file's place). Other text is judged whole.
 */
const FUNCTION = /CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+([a-z_][a-z0-9_]*)[^$]*?(\$[a-z_]*\$)([\s\S]*?)\2/gi
const migrations = filesOf(FUNCTIONS).filter((path) => /[\\/]migrations[\\/]\d+_[^\\/]*\.sql$/.test(path)).sort((a, b) => basename(a).localeCompare(basename(b)))
const lastDefinition = new Map<string, string>()
for (const path of migrations) for (const match of readFileSync(path, 'utf8').matchAll(FUNCTION)) lastDefinition.set(match[1].toLowerCase(), path)

/** A file's code without comments: for a migration, its functions' bodies still in force and its other statements apart. */
function codeIn(path: string): { bodies: string; statements: string } {
  const text = stripComments(readFileSync(path, 'utf8'))
  if (!migrations.includes(path)) return { bodies: '', statements: text }
  const bodies = [...text.matchAll(FUNCTION)].filter((match) => lastDefinition.get(match[1].toLowerCase()) === path).map((match) => match[3])
  return { bodies: bodies.join('\n'), statements: text.replace(FUNCTION, '') }
}

function writesOf(path: string): string[] {
  const { bodies, statements } = codeIn(path)
  const tablesIn = (code: string) => [...code.matchAll(WRITE)].map((match) => match[1].toLowerCase())
  const created = migrations.includes(path) ? new Set([...statements.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)].map((match) => match[1])) : new Set()
  return [...tablesIn(bodies), ...tablesIn(statements).filter((table) => !created.has(table))]
}

describe('feature ownership', () => {
  it('gives every table one owner, and names only tables the code creates', () => {
    const created = new Set<string>()
    const all = [...KERNEL_TABLES, ...features.flatMap((feature) => feature.tables)]
    for (const path of filesOf(FUNCTIONS).filter((file) => !isDemo(file))) {
      for (const match of readFileSync(path, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)) created.add(match[1])
    }
    expect(all.length).toBe(new Set(all).size)
    expect([...created].sort()).toEqual([...new Set(all)].sort())
  })

  it('lets only a table\'s owner write it, besides the crossings listed', () => {
    const writes = new Set<string>()
    for (const owner of ['kernel', ...features.map((feature) => feature.definition.name)]) {
      for (const path of codeOf(owner)) {
        for (const table of writesOf(path)) {
          const tableOwner = owners.get(table)
          if (tableOwner && tableOwner !== owner) writes.add(`${owner} ${relative(FUNCTIONS, path)} → ${table}`)
        }
      }
    }
    expect([...writes].sort()).toEqual([...KNOWN_WRITES].sort())
  })

  it('limits rates one way: only the kernel counts rate events, locks a key for a count or refuses as rate_limited', () => {
    const ways = new Set<string>()
    for (const feature of features) {
      for (const path of codeOf(feature.definition.name)) {
        const { bodies, statements } = codeIn(path)
        for (const match of `${bodies}\n${statements}`.matchAll(/\brate_events\b|pg_advisory_(?:xact_)?lock|fail\(\s*'rate_limited'/g)) {
          ways.add(`${relative(FUNCTIONS, path)}: ${match[0]}`)
        }
      }
    }
    expect([...ways].sort()).toEqual([])
  })

  it('lets a feature use another only through its public.ts, and the kernel and host none but through the feature list', () => {
    const names = features.map((feature) => feature.definition.name)
    const imports = new Set<string>()
    const uses = new Map<string, Set<string>>(names.map((name) => [name, new Set()]))
    for (const folder of ['core', 'host', ...names]) {
      for (const path of filesOf(join(FUNCTIONS, folder)).filter((file) => file.endsWith('.ts'))) {
        for (const match of readFileSync(path, 'utf8').matchAll(/from '\.\.\/([a-z]+)(\/[^']*)?'/g)) {
          const [target, file] = [match[1], match[2] ?? '']
          if (!names.includes(target) || target === folder) continue
          if (folder === 'core' || folder === 'host' || file !== '/public') imports.add(`${relative(FUNCTIONS, path)} → ${target}${file}`)
          if (!isDemo(path)) uses.get(folder)?.add(target)
        }
      }
    }
    expect([...imports].sort()).toEqual(KNOWN_IMPORTS)
    const circles = names.flatMap((a) => names.filter((b) => a < b && uses.get(a)?.has(b) && uses.get(b)?.has(a)).map((b) => `${a} ↔ ${b}`))
    expect(circles.sort()).toEqual([...KNOWN_CIRCLES].sort())
  })

  it('keeps each feature in its own folders: the kernel and the host name no feature', () => {
    for (const folder of ['core', 'host']) {
      for (const path of filesOf(join(FUNCTIONS, folder))) {
        const text = readFileSync(path, 'utf8')
        expect([relative(FUNCTIONS, path), /from '\.\.\/(?!core|host|\.\.)[a-z]+\//.test(text)]).toEqual([relative(FUNCTIONS, path), false])
      }
    }
    for (const feature of features) expect(existsSync(join(FUNCTIONS, feature.definition.name, 'feature.ts'))).toBe(true)
  })
})
