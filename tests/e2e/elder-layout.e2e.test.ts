/**
 * Issue 17, elder mode's layout at 390 px: the story's six steps wrap into even rows with no label
 * clipped or overflowing, 我的履职's twelve month labels wrap inside their columns, and the tab bar's
 * labels grow with the rest; in both modes every such box lies inside the viewport and none overlaps
 * another.
 */
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { e2eSuite, seriousAxeViolations, setElderMode } from '../support/browser'
import { hostCaller } from '../support/host'
import { SHOTS, watchProblems, within } from './watch'

type Box = { x: number; y: number; width: number; height: number }
const VIEWPORT: Box = { x: 0, y: 0, width: 390, height: 844 }

const boxesOf = async (items: Locator): Promise<Box[]> => Promise.all((await items.all()).map(async (item) => (await item.boundingBox())!))

/** Pairs of boxes that share more than a pixel of area. */
function overlapping(boxes: Box[]): [number, number][] {
  const pairs: [number, number][] = []
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, k) => {
    const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
    const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
    if (w > 1 && h > 1) pairs.push([i, i + 1 + k])
  }))
  return pairs
}

/**
 * The texts among `items` whose content is wider than their own box (clipped or spilling sideways).
 * Heights are left to `within`: CJK glyphs rise a pixel or two above a 1.2 line box without spilling.
 */
async function spilling(items: Locator): Promise<string[]> {
  return items.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''))
}

/** How many boxes sit on each row, top to bottom. */
function rows(boxes: Box[]): number[] {
  const tops = [...new Set(boxes.map((b) => Math.round(b.y)))].sort((a, b) => a - b)
  return tops.map((top) => boxes.filter((b) => Math.round(b.y) === top).length)
}

async function expectLaidOut(page: Page, items: Locator, labels: Locator) {
  const boxes = await boxesOf(items)
  expect(boxes.filter((b) => !within(b, VIEWPORT))).toEqual([])
  expect(overlapping(boxes)).toEqual([])
  expect(await spilling(labels)).toEqual([])
  const labelBoxes = await boxesOf(labels)
  expect(labelBoxes.filter((b, i) => !within(b, boxes[i]))).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
}

describe('elder mode’s layout at 390 px (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it.each([{ mode: 'normal', elder: false }, { mode: 'elder', elder: true }])('$mode: the story’s steps, the duty months and the tab bar fit', async ({ mode, elder }) => {
    const { host } = suite
    const api = await hostCaller(host.url, { persona: 'resident' })
    const outcome = ((await api('feedback', 'outcomes', { siteId: 'F01' })).data.items as { topicId: number; title: string }[])
      .find((o) => o.title === '图书馆周边停车难')!

    const page = await suite.as({ persona: 'member' })
    const problems = await watchProblems(page)
    await setElderMode(page, elder)

    await page.goto(`${host.url}/packages/feedback/pages/story/index?id=${outcome.topicId}`)
    const steps = page.getByRole('list', { name: '办理进度' })
    await steps.waitFor()
    await page.locator(elder ? '.ui-page.elder' : '.ui-page:not(.elder)').first().waitFor()
    const items = steps.getByRole('listitem')
    expect(await items.allTextContents()).toEqual(['✓交办', '✓签收', '✓办理', '✓答复', '✓公示', '✓评价'])
    await expectLaidOut(page, items, steps.locator('.ui-step-name'))
    // Six to a row normally; elder mode's larger steps go three a row, two even rows.
    expect(rows(await boxesOf(items))).toEqual(elder ? [3, 3] : [6])
    const [card] = await boxesOf(page.locator('.card').filter({ has: steps }))
    expect((await boxesOf(items)).filter((b) => !within(b, card))).toEqual([])
    await page.screenshot({ path: join(SHOTS, `steps-${mode}.png`) })

    await page.goto(`${host.url}/packages/duty/pages/mine/index`)
    await page.getByText('按月份').first().waitFor()
    const bars = page.locator('.duty-bar')
    expect(await page.locator('.duty-bar-month').allTextContents()).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}月`))
    await expectLaidOut(page, bars, page.locator('.duty-bar-month'))
    const monthHeights = (await boxesOf(page.locator('.duty-bar-month'))).map((b) => b.height)
    // In elder mode "12月" is wider than its column: it wraps (12 over 月), taller than "1月".
    if (elder) expect(monthHeights[11]).toBeGreaterThan(monthHeights[0] * 1.5)
    else expect(Math.max(...monthHeights)).toBeLessThan(monthHeights[0] * 1.5)
    await page.screenshot({ path: join(SHOTS, `duty-months-${mode}.png`) })

    await page.goto(`${host.url}/pages/mine/index`)
    await page.getByText('我的签到').first().waitFor()
    const tabs = page.locator('.weui-tabbar__item')
    expect(await page.locator('.weui-tabbar__label').allTextContents()).toEqual(['联盟阵地', '议事', '我的'])
    await expectLaidOut(page, tabs, page.locator('.weui-tabbar__label'))
    const labelSize = await page.locator('.weui-tabbar__label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(labelSize).toBe(elder ? 15 : 10)
    // The page above ends where the tab bar begins.
    const [bar] = await boxesOf(page.locator('.taro-tabbar__tabbar'))
    expect(bar.y + bar.height).toBeLessThanOrEqual(844 + 1)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, `tabbar-${mode}.png`) })
    expect(problems).toEqual([])
  })
})
