/** WeChat's own checks (miniprogram-ci, offline) on the production weapp build in dist/weapp. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../support/host'
import { MAIN_PACKAGE_BUDGET } from '../support/weapp'

const ci = require('miniprogram-ci')

const WEAPP = join(ROOT, 'dist/weapp')

describe('compiled mini-program (dist/weapp)', () => {
  let project: unknown
  beforeAll(() => {
    if (!existsSync(join(WEAPP, 'app.json'))) throw new Error('dist/weapp is missing: run `node scripts/build.mjs weapp` first')
    // The offline checks read files only; the key is never used (nothing is uploaded).
    project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: WEAPP, privateKey: 'offline', ignores: ['node_modules/**/*'] })
  })

  it('passes checkCodeQuality\'s package size limit, and the main package is within our budget', async () => {
    const results: { name: string; success: boolean; detail?: Record<string, number> }[] = await ci.checkCodeQuality(project)
    const size = results.find((r) => r.name === 'PACKAGE_SIZE_LIMIT')!
    expect(size.success).toBe(true)
    expect(size.detail!.__APP__).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET)
    expect(results.find((r) => r.name === 'LAZYCODE_LOADING_OPEN')!.success).toBe(true)
  })

  it('has no module errors or unresolved imports in analyseCode', async () => {
    const analysis = await ci.analyseCode(project, { silent: true })
    const broken = analysis.modules.filter((m: any) => (m.errors && m.errors.length) || m.buildError)
    expect(broken).toEqual([])
    const unresolved = analysis.modules.flatMap((m: any) => m.deps.filter((d: any) => d.from !== 'rule' && !d.moduleId))
    expect(unresolved).toEqual([])
  })

  it('declares subpackages, lazy code loading, location privacy and no dev sign-in', () => {
    const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8'))
    expect(app.lazyCodeLoading).toBe('requiredComponents')
    expect(app.requiredPrivateInfos).toEqual(['getLocation'])
    expect(app.__usePrivacyCheck__).toBe(true)
    expect(app.permission['scope.userLocation'].desc).toMatch(/签到/)
    expect(app.subPackages.map((p: any) => p.root)).toEqual(['packages/checkin', 'packages/sites', 'packages/admin', 'packages/account', 'packages/topics', 'packages/notices', 'packages/feedback', 'packages/activities', 'packages/duty', 'packages/resources', 'packages/operations', 'packages/opinions', 'packages/assessment'])
    expect(JSON.stringify(app)).not.toMatch(/devsignin/)
  })
})
