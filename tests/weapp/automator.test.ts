/**
 * The check-in flow in WeChat DevTools through miniprogram-automator. It needs DevTools, which
 * cannot run on this Linux machine: set WECHAT_DEVTOOLS_CLI to the DevTools `cli` to run it.
 */
import { ROOT } from '../support/host'

const cli = process.env.WECHAT_DEVTOOLS_CLI
const suite = cli ? describe : describe.skip
if (!cli) process.stderr.write('miniprogram-automator suite NOT RUN (counted as skipped, not passed): WECHAT_DEVTOOLS_CLI is not set and WeChat DevTools cannot run on this machine.\n')

suite('check-in in WeChat DevTools (miniprogram-automator)', () => {
  const automator = require('miniprogram-automator')
  let mini: any
  beforeAll(async () => {
    mini = await automator.launch({ cliPath: cli, projectPath: ROOT })
  }, 120_000)
  afterAll(() => mini?.close())

  it('opens the scan page from a site code and checks in', async () => {
    const page = await mini.reLaunch(`/packages/checkin/pages/scan/index?scene=${encodeURIComponent('s=F01')}`)
    await page.waitFor(1500)
    const plain = (await page.$$('.btn-plain'))[0]
    await plain.tap()
    await page.waitFor(1500)
    const notice = await page.$('.notice')
    expect(await notice.text()).toMatch(/签到成功|今天已签到/)
  })
})
