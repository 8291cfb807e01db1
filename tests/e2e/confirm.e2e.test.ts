/**
 * What cannot be undone asks first (issue 17): 合并 on the screening page and 撤回 on a notice's
 * delivery log open the kit's dialog, which says what will happen; 取消 sends nothing and changes
 * nothing (checked through the API), 确定 sends the action exactly once. The merge targets offered
 * are open topics only: the demo's published and rated 图书馆周边停车难 is never one.
 */
import { mergeTargetStates } from '../../src/domain/topics'
import { seriousAxeViolations, setElderMode, e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { answerConfirm, confirmDialog } from './confirm'
import { countCalls, SHOTS, watchProblems } from './watch'

const BODY = '周末到图书馆的家长很多，周边停车位不够用，车停到了人行道上，老人和孩子走路很不安全，希望想想办法。'

describe('asking before what cannot be undone (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { setClock, as } = suite

  it('合并 says what will happen, 取消 changes nothing, 确定 merges once, and only into an open topic', async () => {
    const { host } = suite
    await setClock('2026-12-03T02:00:00Z')
    const first = await hostCaller(host.url, { guest: 'merge-first' })
    const second = await hostCaller(host.url, { guest: 'merge-second' })
    const adminApi = await hostCaller(host.url, { persona: 'site_admin' })
    const target = await first('topics', 'propose', { siteId: 'F01', title: '图书馆周边停车位太少', body: BODY, category: '交通出行' })
    expect(target.data?.state).toBe('submitted')
    expect((await adminApi('topics', 'screen', { topicId: target.data.id, decision: 'accept' })).data.state).toBe('accepted')
    const dup = await second('topics', 'propose', { siteId: 'F01', title: '图书馆周边停车位太少了', body: BODY, category: '交通出行' })
    expect(dup.data?.state).toBe('submitted')

    // The server finds the finished demo topic similar too; the page must not offer it.
    const similar = (await adminApi('topics', 'similar', { siteId: 'F01', title: '图书馆周边停车位太少了' })).data as { id: number; title: string; state: string }[]
    const closed = similar.filter((s) => !mergeTargetStates.includes(s.state as never))
    expect(closed.map((s) => s.title)).toContain('图书馆周边停车难')

    const admin = await as({ persona: 'site_admin' })
    const problems = await watchProblems(admin)
    const merges = countCalls(admin, 'topics', 'screen')
    await admin.goto(`${host.url}/packages/topics/pages/screen/index`)
    const button = admin.getByLabel('合并到：图书馆周边停车位太少', { exact: true })
    await button.waitFor()
    for (const s of closed) expect(await admin.getByLabel(`合并到：${s.title}`, { exact: true }).count()).toBe(0)

    await button.click()
    const dialog = confirmDialog(admin, '合并这两个议题？')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('议题“图书馆周边停车位太少了”将合并到“图书馆周边停车位太少”，不再单独审核和投票')
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.screenshot({ path: `${SHOTS}/confirm-merge.png` })
    await answerConfirm(admin, '合并这两个议题？', false)
    expect(merges.count).toBe(0)
    expect((await adminApi('topics', 'get', { topicId: dup.data.id })).data.state).toBe('submitted')

    // In elder mode the same dialog, larger.
    await setElderMode(admin, true)
    await admin.reload()
    await button.click()
    await confirmDialog(admin, '合并这两个议题？').waitFor()
    await admin.screenshot({ path: `${SHOTS}/confirm-merge-elder.png` })
    await answerConfirm(admin, '合并这两个议题？', true)
    await button.waitFor({ state: 'detached' })
    expect(merges.count).toBe(1)
    const merged = (await adminApi('topics', 'get', { topicId: dup.data.id })).data
    expect(merged.state).toBe('merged')
    expect(merged.mergedInto.id).toBe(target.data.id)
    expect(merged.timeline.filter((e: { move: string }) => e.move === 'merge')).toHaveLength(1)
    expect(problems).toEqual([])
  }, 90_000)

  it('撤回 says what will happen, 取消 keeps the notice, 确定 withdraws it once', async () => {
    const { host } = suite
    const staffApi = await hostCaller(host.url, { persona: 'staff' })
    const made = await staffApi('notices', 'publish', { title: '区图书馆周日闭馆检修', body: '本周日全天闭馆检修暖气管道，敬请谅解。', audience: [{ kind: 'sites', siteIds: ['F01'] }] })
    expect(made.data?.status).toBe('published')
    const statusOf = async () => ((await staffApi('notices', 'sent', {})).data.items as { id: number; status: string }[]).find((n) => n.id === made.data.id)?.status

    const staff = await as({ persona: 'staff' })
    const problems = await watchProblems(staff)
    const withdrawals = countCalls(staff, 'notices', 'withdraw')
    await staff.goto(`${host.url}/packages/notices/pages/deliveries/index?id=${made.data.id}`)
    await staff.getByText('撤回', { exact: true }).click()
    const text = await answerConfirm(staff, '撤回这条通知？', false)
    expect(text).toContain('撤回后，收件人将不再看到这条通知')
    expect(withdrawals.count).toBe(0)
    expect(await statusOf()).toBe('published')

    await staff.getByText('撤回', { exact: true }).click()
    await confirmDialog(staff, '撤回这条通知？').waitFor()
    await staff.screenshot({ path: `${SHOTS}/confirm-withdraw.png` })
    await answerConfirm(staff, '撤回这条通知？', true)
    await staff.getByText('已撤回，收件人将不再看到这条通知').waitFor()
    expect(withdrawals.count).toBe(1)
    expect(await statusOf()).toBe('withdrawn')
    expect(problems).toEqual([])
  }, 90_000)
})
