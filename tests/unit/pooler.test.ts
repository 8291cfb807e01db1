/**
 * Nothing in the kernel or the features keeps state in a database session, so every statement
 * works through PgBouncer in transaction mode, where each transaction may get another server
 * connection: no session SET (SET LOCAL and function attributes are fine), no LISTEN, no session
 * advisory lock (only pg_advisory_xact_lock), no named prepared statements, no temporary tables
 * that outlive their transaction, no cursors WITH HOLD. (The PGlite driver names statements at the
 * protocol level, on its own embedded backend that no pooler ever stands in front of.)
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '../..')

const SESSION_STATE: { what: string; pattern: RegExp }[] = [
  { what: 'a session advisory lock (use pg_advisory_xact_lock)', pattern: /pg_(try_)?advisory_(lock|unlock)(_shared|_all)?\s*\(/i },
  { what: 'LISTEN', pattern: /\b(UN)?LISTEN\s+["a-z_*]/ },
  { what: 'a named prepared statement', pattern: /\bPREPARE\s+[a-z_]+\s*(\(|AS\b)|\bname:\s*['"`][^'"`]+['"`]\s*,\s*text:/i },
  { what: 'a session SET (use SET LOCAL inside the transaction)', pattern: /(^|[;'"`]\s*)SET\s+(SESSION\s+)?(?!LOCAL\b)[a-z_.]+\s*(=|TO\b)/i },
  { what: 'set_config(…, false): a session setting', pattern: /set_config\s*\([^)]*,\s*false\s*\)/i },
  { what: 'a temporary table kept past its transaction', pattern: /CREATE\s+(TEMP|TEMPORARY)\s+TABLE(?![^;]*ON\s+COMMIT\s+DROP)/i },
  { what: 'a cursor WITH HOLD', pattern: /\bWITH\s+HOLD\b/i },
]

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path)
    return /\.(ts|sql)$/.test(entry.name) ? [path] : []
  })
}

const found = (text: string) => SESSION_STATE.filter(({ pattern }) => pattern.test(text)).map(({ what }) => what)

describe('no session state under a transaction pooler', () => {
  it('finds none in the kernel, the host or any feature (TypeScript and migrations)', () => {
    const files = sources(join(ROOT, 'cloudfunctions'))
    expect(files.length).toBeGreaterThan(50)
    const hits = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      return found(text).map((what) => `${relative(ROOT, file)}: ${what}`)
    })
    expect(hits).toEqual([])
  })

  it('catches each kind, and not what is safe', () => {
    expect(found("SELECT pg_advisory_lock(42)")).toHaveLength(1)
    expect(found("SELECT pg_try_advisory_lock(hashtext($1))")).toHaveLength(1)
    expect(found('LISTEN outbox_ready')).toHaveLength(1)
    expect(found('PREPARE mine AS SELECT 1')).toHaveLength(1)
    expect(found("client.query({ name: 'mine', text: 'SELECT 1' })")).toHaveLength(1)
    expect(found("db.exec('SET search_path TO x')")).toHaveLength(1)
    expect(found('SELECT 1;\nSET statement_timeout = 0')).toHaveLength(1)
    expect(found("SELECT set_config('app.user', $1, false)")).toHaveLength(1)
    expect(found('CREATE TEMP TABLE t (a int)')).toHaveLength(1)
    expect(found('DECLARE c CURSOR WITH HOLD FOR SELECT 1')).toHaveLength(1)

    expect(found('SELECT pg_advisory_xact_lock($1)')).toEqual([])
    expect(found('UPDATE t\n   SET a = 1\n WHERE id = $1')).toEqual([])
    expect(found("tx.query('SET LOCAL statement_timeout = 1000')")).toEqual([])
    expect(found("SELECT set_config('app.user', $1, true)")).toEqual([])
    expect(found('CREATE TEMP TABLE t (a int) ON COMMIT DROP')).toEqual([])
    expect(found('server.listen(port)')).toEqual([])
    expect(found('CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = public AS $$ SELECT 1 $$')).toEqual([])
  })
})
