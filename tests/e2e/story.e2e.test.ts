/**
 * Issue 17, the topic story (交办督复评): headed by the topic's title, a step bar says where it
 * stands; each unit's reply is shown once; the rating is five stars, larger in elder mode.
 */
import { join } from 'node:path'
import { seriousAxeViolations, setElderMode, e2eSuite } from '../support/browser'
import { hostCaller } from '../support/host'
import { SHOTS, watchProblems } from './watch'

describe('a topic’s story (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it('heads the story by its title and steps, shows each reply once and the rating as stars', async () => {
    const { host } = suite
    const api = await hostCaller(host.url, { persona: 'resident' })
    const outcome = ((await api('feedback', 'outcomes', { siteId: 'F01' })).data.items as { topicId: number; title: string; state: string }[])
      .find((o) => o.title === '图书馆周边停车难')!
    const story = (await api('feedback', 'story', { topicId: outcome.topicId })).data
    const page = await suite.as({ persona: 'resident' })
    const problems = await watchProblems(page)
    await page.goto(`${host.url}/packages/feedback/pages/story/index?id=${outcome.topicId}`)
    await page.locator('.card .title', { hasText: '图书馆周边停车难' }).waitFor()
    const steps = page.getByRole('list', { name: '办理进度' })
    expect(await steps.getByRole('listitem').allTextContents()).toEqual(['✓交办', '✓签收', '✓办理', '✓答复', '✓公示', '✓评价'])
    for (const a of story.assignments as { reply: string | null }[]) {
      if (a.reply) expect(await page.getByText(a.reply, { exact: false }).count()).toBe(1)
    }
    const stars = page.getByRole('img', { name: /^群众评价 [\d.]+ 星（满 5 星）$/ })
    await stars.waitFor()
    const normal = (await stars.boundingBox())!.height
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'story-steps.png') })
    await setElderMode(page, true)
    await page.reload()
    await stars.waitFor()
    expect((await stars.boundingBox())!.height).toBeGreaterThan(normal * 1.3)
    await page.screenshot({ path: join(SHOTS, 'story-steps-elder.png') })
    expect(problems).toEqual([])
  })
})
