/**
 * The h5 build signing in without the dev sign-in, in Chromium, against the host (in-process, no
 * dev auth, the production CSRF rule at its own origin) and the fake WeChat server: a staff member
 * types the one-time code from the mini-program, a resident inside WeChat goes through web
 * authorisation and back, a 快照页 visitor is told what to do, and 退出登录 ends the session.
 */
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { createHost } from '../../cloudfunctions/host/server'
import { SESSION_COOKIE } from '../../cloudfunctions/host/signin'
import { launchChromium, phonePage, seriousAxeViolations } from '../support/browser'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { freePort, ROOT } from '../support/host'
import { startRuntime, type TestRuntime } from '../support/runtime'
import { SHOTS } from './watch'

const SIGNIN = '/packages/devsignin/pages/index/index'

describe('h5 sign-in on a production-like host (Chromium)', () => {
  let rt: TestRuntime
  let fake: FakeWechat
  let browser: Browser
  let base: string
  let close: () => Promise<void>
  beforeAll(async () => {
    rt = await startRuntime()
    fake = await startFakeWechat()
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    const app = (appid: string, secret: string) => ({ apiBase: fake.url, appid, secret, timeoutMs: 2000 })
    const server = createHost({
      runtime: rt, h5Dir: join(ROOT, 'dist/h5'), publicUrl: base, uploadsDir: join(ROOT, '.cache/e2e-uploads'), allowedOrigin: base,
      signin: { weapp: app('wx0123456789abcdef', '0123456789abcdef0123456789abcdef'), web: app('wxfedcba9876543210', 'fedcba9876543210fedcba9876543210'), authorizeBase: fake.url, publicUrl: base },
    })
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    close = () => new Promise((resolve) => server.close(() => resolve()))
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await close()
    await fake.close()
    await rt.close()
  })

  const staffCode = async () => {
    const signin = await fetch(`${base}/auth/weapp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: fake.code({ openid: 'demo-staff' }) }) })
    const { token } = ((await signin.json()) as { data: { token: string } }).data
    const issued = await fetch(`${base}/auth/code/new`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' })
    return ((await issued.json()) as { data: { code: string } }).data.code
  }
  const visible = (page: Page, text: string) => page.getByText(text).locator('visible=true').first()

  it('signs staff in with the code from the mini-program, in an HttpOnly cookie, and out again', async () => {
    const page = await phonePage(browser)
    await page.goto(`${base}${SIGNIN}`)
    await visible(page, '工作人员登录码').waitFor()
    expect(await page.getByText('以新群众身份体验').count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByRole('spinbutton', { name: '工作人员登录码' }).fill(await staffCode())
    await page.getByText('登录', { exact: true }).locator('visible=true').click()
    await visible(page, '赵明').waitFor({ timeout: 10_000 })
    await page.screenshot({ path: join(SHOTS, 'production-signin-staff.png') })
    const cookies = await page.context().cookies()
    expect(cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' })
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE)
    await visible(page, '退出登录').click()
    await visible(page, '工作人员登录码').waitFor()
    expect(await rt.db.query('SELECT 1 FROM sessions WHERE client = $1', ['web'])).toEqual([])
    await page.context().close()
  })

  it('takes a resident inside WeChat through web authorisation and back to the page', async () => {
    const page = await phonePage(browser, { userAgent: 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 MicroMessenger/8.0.50 NetType/WIFI' })
    await page.goto(`${base}${SIGNIN}`)
    await visible(page, '微信一键登录').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'production-signin-wechat.png') })
    await visible(page, '微信一键登录').click()
    await page.waitForURL(/\/pages\/mine\/index/, { timeout: 10_000 })
    await visible(page, '退出登录').waitFor({ timeout: 10_000 })
    const [identity] = await rt.db.query<{ provider: string }>(`SELECT provider FROM user_identities WHERE openid = 'web-openid'`)
    expect(identity.provider).toBe('web')
    await page.context().close()
  })

  it('tells a 快照页 visitor how to leave it', async () => {
    const page = await phonePage(browser)
    await page.goto(`${base}${SIGNIN}?error=snapshot_user`)
    await visible(page, '使用完整服务').waitFor()
    await page.context().close()
  })
})
