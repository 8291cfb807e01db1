/**
 * The directory's first page on h5 in Chromium at 390×844, as a person opening it sees it: from
 * navigation to the skeleton, and from the skeleton to the first sites (the list pattern's first
 * page through the host). Times come from the page's own clock (a MutationObserver set up before
 * the app loads).
 */
import { launchChromium, phonePage, signIn } from '../support/browser'

const LOADS = 10

export interface FirstPageLoad {
  skeletonMs: number
  contentMs: number
}

/** Each load's times; the first load is cold (nothing cached), the rest warm. */
export async function directoryLoads(baseUrl: string): Promise<FirstPageLoad[]> {
  const browser = await launchChromium()
  try {
    const page = await phonePage(browser)
    await page.addInitScript(() => {
      const seen: Record<string, number> = {}
      ;(window as unknown as { firstSeen: typeof seen }).firstSeen = seen
      new MutationObserver(() => {
        if (!seen.skeleton && document.querySelector('.ui-skeleton')) seen.skeleton = performance.now()
        if (!seen.content && document.querySelector('.site-item')) seen.content = performance.now()
      }).observe(document, { childList: true, subtree: true })
    })
    await signIn(page, baseUrl, { persona: 'resident' })
    const loads: FirstPageLoad[] = []
    for (let i = 0; i < LOADS; i++) {
      await page.goto(`${baseUrl}/pages/index/index`)
      await page.locator('.site-item').first().waitFor()
      const seen = await page.evaluate(() => (window as unknown as { firstSeen: { skeleton: number; content: number } }).firstSeen)
      loads.push({ skeletonMs: seen.skeleton, contentMs: seen.content - seen.skeleton })
    }
    return loads
  } finally {
    await browser.close()
  }
}

export interface WorkbenchLoad {
  /** Navigation to the 工作台's grid on screen (its counts may still say —). */
  gridMs: number
  /** Navigation to every count on screen. */
  countsMs: number
}

/**
 * 我的 as staff on h5, the 工作台 first: from navigation to its grid, and to its last count (each
 * count is one list call, a page of at most 100). The first load is cold, the rest warm.
 */
export async function workbenchLoads(baseUrl: string): Promise<WorkbenchLoad[]> {
  const browser = await launchChromium()
  try {
    const page = await phonePage(browser)
    await page.addInitScript(() => {
      const seen: Record<string, number> = {}
      ;(window as unknown as { firstSeen: typeof seen }).firstSeen = seen
      new MutationObserver(() => {
        const grid = document.querySelector('[role=region][aria-label=工作台]')
        if (!seen.grid && grid) seen.grid = performance.now()
        if (!seen.counts && grid && grid.querySelector('.ui-stat-count') && !grid.querySelector('.ui-stat-count[aria-hidden=true]')) seen.counts = performance.now()
      }).observe(document, { childList: true, subtree: true, attributes: true })
    })
    await signIn(page, baseUrl, { persona: 'staff' })
    const loads: WorkbenchLoad[] = []
    for (let i = 0; i < LOADS; i++) {
      await page.goto(`${baseUrl}/pages/mine/index`)
      await page.waitForFunction(() => (window as unknown as { firstSeen: { counts?: number } }).firstSeen.counts !== undefined)
      const seen = await page.evaluate(() => (window as unknown as { firstSeen: { grid: number; counts: number } }).firstSeen)
      loads.push({ gridMs: seen.grid, countsMs: seen.counts })
    }
    return loads
  } finally {
    await browser.close()
  }
}
