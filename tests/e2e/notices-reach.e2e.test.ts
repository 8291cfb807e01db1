/**
 * Issue 17, notices: before sending, the compose page says how many people the audience reaches
 * (and warns at 0, as a notice to C01 once reached nobody unwarned); the delivery log is headed by
 * the notice's title and state and offers only the actions that apply (置顶 or 取消置顶, none
 * after 撤回) and refreshes itself; the inbox marks an unread message with one small dot.
 */
import { join } from 'node:path'
import { seriousAxeViolations, e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { answerConfirm } from './confirm'
import { SHOTS, watchProblems } from './watch'

const TITLE = '区图书馆周六古籍修复体验'

describe('notices before and after sending (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { setClock, as } = suite

  it('says the reach before sending, heads the log by the notice with only the actions that apply, and dots the unread', async () => {
    const { host } = suite
    await setClock('2026-12-03T02:00:00Z')
    const staffApi = await hostCaller(host.url, { persona: 'staff' })
    const followers = (await staffApi('notices', 'reach', { audience: [{ kind: 'sites', siteIds: ['F01'] }] })).data.people as number
    expect(followers).toBeGreaterThan(0)
    expect((await staffApi('notices', 'reach', { audience: [{ kind: 'sites', siteIds: ['C01'] }] })).data.people).toBe(0)

    const staff = await as({ persona: 'staff' })
    const problems = await watchProblems(staff)
    await staff.goto(`${host.url}/packages/notices/pages/compose/index?site=C01`)
    await staff.getByText('将发送给 0 人：所选对象目前没有任何人', { exact: false }).waitFor()
    await staff.screenshot({ path: join(SHOTS, 'notice-reach-zero.png') })

    await staff.goto(`${host.url}/packages/notices/pages/compose/index?site=F01`)
    await staff.getByText(`将发送给 ${followers} 人`, { exact: true }).waitFor()
    expect(await staff.locator('.ui-button-why').textContent()).toBe('还不能提交：标题至少 2 个字；正文至少 2 个字')
    await staff.getByLabel('通知标题').fill(TITLE)
    expect(await staff.locator('.ui-form-count').first().textContent()).toBe(`${[...TITLE].length}/40`)
    await staff.getByLabel('通知正文').fill('本周六上午九点，古籍修复师现场演示，欢迎报名体验。')
    expect(await seriousAxeViolations(staff)).toEqual([])
    await staff.screenshot({ path: join(SHOTS, 'notice-compose-ready.png') })
    await staff.getByText('发布', { exact: true }).click()

    // The log: headed by the notice, 置顶 and 撤回 only; it refreshes itself once the drain has run.
    const head = staff.getByRole('region', { name: '通知' })
    await head.getByText(TITLE).waitFor()
    await head.getByText('已发布', { exact: true }).waitFor()
    await head.getByText(`发送给 ${followers} 人`).waitFor()
    expect(await head.locator('.ui-button').allTextContents()).toEqual(['置顶', '撤回'])
    await staff.getByText('待发送').first().waitFor()
    await setClock('2026-12-03T02:02:00Z') // the drain runs; nobody reloads the page
    await staff.getByText('已送达').first().waitFor({ timeout: 15_000 })
    await head.getByText('置顶', { exact: true }).click()
    await staff.getByText('已置顶', { exact: true }).waitFor()
    await head.getByText('取消置顶', { exact: true }).waitFor()
    expect(await head.locator('.ui-button').allTextContents()).toEqual(['取消置顶', '撤回'])
    await staff.screenshot({ path: join(SHOTS, 'notice-deliveries.png') })

    // The follower's inbox: one small dot, no 未读 tag, no ● and no alert mark.
    const reader = await as({ persona: 'resident' })
    await reader.goto(`${host.url}/packages/notices/pages/inbox/index`)
    const row = reader.locator('.ui-cell', { hasText: TITLE }).first()
    await row.waitFor()
    expect(await row.locator('.inbox-dot').count()).toBe(1)
    expect(await row.getByRole('img', { name: '未读' }).count()).toBe(1)
    expect(await row.textContent()).not.toMatch(/未读|●|!/)
    const dot = await row.locator('.inbox-dot').boundingBox()
    expect(dot!.width).toBeGreaterThan(3)
    expect(dot!.width).toBeLessThan(16)
    await reader.screenshot({ path: join(SHOTS, 'notice-inbox-dot.png') })

    await head.getByText('撤回', { exact: true }).click()
    await answerConfirm(staff, '撤回这条通知？', true)
    await head.getByText('已撤回', { exact: true }).waitFor()
    expect(await head.locator('.ui-button').count()).toBe(0)
    expect(problems).toEqual([])
  }, 120_000)
})
