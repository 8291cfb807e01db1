/**
 * `npm run assess -- --period YYYY-MM [--version N]` (or `node dist/host/assess.js …` where the build
 * is deployed): recomputes a frozen month's bulletin from its frozen inputs on the deployment's
 * database and prints both hashes; exit 0 when they match what was stored, 1 when not or when the
 * month cannot be recomputed (not frozen yet, no such version), 2 on a usage error.
 */
import { MONTH } from '../../src/domain/cycle'
import { AppError } from '../core/errors'
import { runCommand, withOperatorDb } from '../core/operator'
import { recompute } from './bulletins'

const USAGE = '用法 / usage: npm run assess -- --period YYYY-MM [--version N]'

function parse(args: string[]): { month: string; version?: number } | undefined {
  const options = new Map<string, string>()
  for (let i = 0; i < args.length; i += 2) {
    if (!['--period', '--version'].includes(args[i]) || args[i + 1] === undefined || options.has(args[i])) return undefined
    options.set(args[i], args[i + 1])
  }
  const month = options.get('--period')
  const version = options.get('--version')
  if (!month || !MONTH.test(month) || (version !== undefined && !/^[1-9]\d{0,3}$/.test(version))) return undefined
  return { month, version: version === undefined ? undefined : Number(version) }
}

async function run(args: string[]): Promise<number> {
  const wanted = parse(args)
  if (!wanted) {
    console.error(USAGE)
    return 2
  }
  const result = await withOperatorDb((db) => recompute(db, wanted.month, wanted.version))
  console.log(`${result.month} 第 ${result.version} 版`)
  console.log(`输入 sha256 ${result.inputsHash}${result.inputsHash === result.storedInputsHash ? '（与冻结时一致）' : `（冻结时为 ${result.storedInputsHash}）`}`)
  console.log(`结果 sha256 ${result.hash}${result.hash === result.storedHash ? '（与冻结时一致）' : `（冻结时为 ${result.storedHash}）`}`)
  return result.identical ? 0 : 1
}

runCommand('assess', () => run(process.argv.slice(2)), (error): error is AppError => error instanceof AppError)
