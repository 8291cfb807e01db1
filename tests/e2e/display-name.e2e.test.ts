/**
 * Issue 17, the name shown: a new resident (微信用户 until now) sets the name others see from 我的.
 * The form refuses what the function would, in its words, and says how public pages show the name
 * (王*英); a name the content check refuses is said on the page and changes nothing.
 */
import { join } from 'node:path'
import { e2eSuite, seriousAxeViolations, setElderMode } from '../support/browser'
import { countCalls, SHOTS, watchProblems } from './watch'

describe('setting the name shown (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it('sets the name from 我的, refusing what the function would', async () => {
    const { host } = suite
    const page = await suite.as({ guest: 'name-setter' })
    const problems = await watchProblems(page)
    const calls = countCalls(page, 'account', 'setName')
    await page.goto(`${host.url}/pages/mine/index`)
    await page.locator('.mine-head .title', { hasText: '微信用户' }).waitFor()
    await page.getByText('显示名称').click()

    const field = page.getByRole('textbox', { name: '显示名称' })
    await field.waitFor()
    const save = page.locator('.ui-action-bar .ui-button')
    expect(await save.getAttribute('aria-disabled')).toBe('true')
    expect(await page.locator('.ui-button-why').textContent()).toBe('还不能保存：名称至少 2 个字')

    await field.fill('政协小王')
    await page.locator('.ui-form-error', { hasText: '名称不能含有“政协”“管理员”“工作人员”等字样' }).waitFor()
    await save.click()
    await field.fill('王13812345678')
    await page.locator('.ui-form-error', { hasText: '名称不能含有电话或证件号码' }).waitFor()
    expect(calls.count).toBe(0)

    // Passes the form's rules, refused by the content check: said on the page, nothing changes.
    await field.fill('网上赌博')
    await save.click()
    await page.locator('.ui-notice-error', { hasText: '内容含有不适宜的信息，请修改后再提交' }).waitFor()
    expect(calls.count).toBe(1)

    await field.fill('张桂兰')
    await page.locator('.card', { hasText: '公开页面显示为' }).getByText('张*兰', { exact: true }).waitFor()
    expect(await page.getByLabel('已输入 3 字，最多 12 字').count()).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'display-name-normal.png') })
    await setElderMode(page, true)
    await page.reload()
    await page.locator('.ui-page.elder').waitFor()
    await page.getByRole('textbox', { name: '显示名称' }).fill('张桂兰')
    await page.screenshot({ path: join(SHOTS, 'display-name-elder.png') })
    await setElderMode(page, false)
    await page.reload()
    await page.getByRole('textbox', { name: '显示名称' }).fill('张桂兰')
    await page.locator('.ui-action-bar .ui-button').click()
    await page.locator('.mine-head .title', { hasText: '张桂兰' }).waitFor()
    await page.locator('.ui-cell', { hasText: '显示名称' }).getByText('张桂兰').waitFor()
    // The name page has slid away (Taro's page transition) before the picture.
    await page.getByRole('textbox', { name: '显示名称' }).waitFor({ state: 'hidden' })
    await page.screenshot({ path: join(SHOTS, 'display-name-mine.png') })
    expect(calls.count).toBe(2)
    expect(problems).toEqual([])
  })
})
