/**
 * `npm run admin -- <command> <who>` (or `node dist/host/admin.js …` where the build is deployed; account's own, so the host names no feature):
 * the operator's commands against the deployment's database (DATABASE_URL; without it the local
 * PGlite in DATA_DIR, with `npm start` stopped). Migrations are applied first.
 *   grant-admin <openid|bind code>    give the admin role (audited)
 *   revoke-admin <openid|bind code>   take it back (audited; never the last admin)
 */
import { grantAdmin, OperatorError, revokeAdmin } from './operator'
import { runCommand, withOperatorDb } from '../core/operator'

const USAGE = `用法 / usage: npm run admin -- grant-admin|revoke-admin <openid 或已绑定的绑定码>`
const commands = { 'grant-admin': grantAdmin, 'revoke-admin': revokeAdmin }

async function run(args: string[]): Promise<number> {
  const [command, who, ...rest] = args
  if (!Object.hasOwn(commands, command ?? '') || !who || rest.length) {
    console.error(USAGE)
    return 2
  }
  const { userId, changed } = await withOperatorDb((db) => commands[command as keyof typeof commands](db, who, new Date()))
  const did = command === 'grant-admin' ? (changed ? '已授予系统管理员' : '已是系统管理员，未改动') : changed ? '已撤销系统管理员' : '不是系统管理员，未改动'
  console.log(`${did}（user ${userId}），已记入审计日志。`)
  return 0
}

runCommand('admin', () => run(process.argv.slice(2)), (error): error is OperatorError => error instanceof OperatorError)
