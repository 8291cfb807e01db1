/**
 * Issue 17, forms: the propose form names the site and the month, counts each field's characters
 * (12/30, and at 30 it says no more fit where the control refuses them), shows every problem at
 * once in the function's words, its submit button says why it waits, and the draft is still there
 * after going back, until it is sent.
 */
import { join } from 'node:path'
import { seriousAxeViolations, setElderMode, e2eSuite } from '../support/browser'
import { countCalls, SHOTS, watchProblems } from './watch'

const BODY = '文化路和新华街路口早上七点半到八点半车多人多，学生过马路很危险。'

describe('the propose form (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it('counts, shows every problem at once, says why it waits, and keeps the draft when going back', async () => {
    const { host } = suite
    await suite.setClock('2026-12-03T02:00:00Z')
    const page = await suite.as({ guest: 'form-proposer' })
    const problems = await watchProblems(page)
    const proposals = countCalls(page, 'topics', 'propose')
    const url = `${host.url}/packages/topics/pages/propose/index?site=F01`
    await page.goto(url)
    await page.getByText('提交到 区图书馆 2026 年 12 月的月月说事', { exact: false }).waitFor()

    const submit = page.locator('.ui-action-bar .ui-button')
    expect(await submit.getAttribute('aria-disabled')).toBe('true')
    const why = page.locator('.ui-button-why')
    expect(await why.textContent()).toBe('还不能提交：标题至少 2 个字；内容至少 10 个字等 3 处')
    // Nothing typed yet: no field is marked wrong until the person asks.
    expect(await page.locator('.ui-form-error').count()).toBe(0)
    await submit.click()
    expect(await page.locator('.ui-form-error').allTextContents()).toEqual(['标题至少 2 个字', '内容至少 10 个字', '请选择议题类别'])
    expect(proposals.count).toBe(0)
    await page.screenshot({ path: join(SHOTS, 'form-problems.png') })

    const title = page.getByRole('textbox', { name: '议题标题', exact: true })
    await title.fill('文化路口早高峰缺少协管员')
    await page.getByLabel('已输入 12 字，最多 30 字').waitFor()
    expect(await page.locator('.ui-form-count').first().textContent()).toBe('12/30')
    await title.fill('文化路口早高峰缺少交通协管员，学生过马路很危险，希望尽快安排人员疏导交通秩序')
    expect([...(await title.inputValue())]).toHaveLength(30)
    expect(await page.locator('.ui-form-count').first().textContent()).toBe('30/30')
    await page.getByText('已达 30 字上限，不能再输入').waitFor()
    await title.fill('文化路口早高峰缺少协管员')

    await page.getByRole('textbox', { name: '具体情况', exact: true }).fill(BODY)
    expect(await page.locator('.ui-form-error').allTextContents()).toEqual(['请选择议题类别'])
    expect(await why.textContent()).toBe('还不能提交：请选择议题类别')

    // Back to the 议事 tab and in again: the draft is where it was.
    await page.goto(`${host.url}/pages/topics/index?site=F01`)
    await page.goto(url)
    await page.getByText('提交到 区图书馆', { exact: false }).waitFor()
    expect(await title.inputValue()).toBe('文化路口早高峰缺少协管员')
    expect(await page.getByRole('textbox', { name: '具体情况', exact: true }).inputValue()).toBe(BODY)

    await page.getByLabel('议题类别：请选择').click()
    await page.locator('.weui-picker__action').last().click()
    await page.getByLabel('议题类别：环境卫生').waitFor()
    await why.waitFor({ state: 'detached' })
    expect(await submit.getAttribute('aria-disabled')).toBeNull()
    // The picker fades out after its 确定 (h5's weui): judge the page once it has gone, not its half-transparent buttons.
    await page.locator('.weui-picker__action').first().waitFor({ state: 'hidden' })
    expect(await seriousAxeViolations(page)).toEqual([])
    await setElderMode(page, true)
    await page.reload()
    await page.getByLabel('议题类别：环境卫生').waitFor()
    await page.screenshot({ path: join(SHOTS, 'form-ready-elder.png') })
    await setElderMode(page, false)

    await submit.click()
    await page.waitForURL(/\/packages\/topics\/pages\/detail\/index\?id=\d+/)
    expect(proposals.count).toBe(1)
    // Sent: the next proposal starts empty.
    await page.goto(url)
    await page.getByText('提交到 区图书馆', { exact: false }).waitFor()
    expect(await title.inputValue()).toBe('')
    expect(problems).toEqual([])
  }, 90_000)
})
