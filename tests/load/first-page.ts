/**
 * The directory's first page on h5 in Chromium at 390×844, as a person opening it sees it: from
 * navigation to the skeleton, and from the skeleton to the first sites (the list pattern's first
 * page through the host). Times come from the page's own clock (a MutationObserver set up before
 * the app loads).
 */
import { launchChromium, phonePage, signIn } from '../support/browser'

const LOADS = 10

type Seen = Record<string, number>

/**
 * Opens `path` LOADS times as `persona` and answers, for each load, when each of `marks` (a CSS
 * selector per name) first matched, in ms from navigation; a load ends once the mark `until` has.
 */
async function firstSeen(baseUrl: string, persona: string, path: string, marks: Record<string, string>, until: string): Promise<Seen[]> {
  const browser = await launchChromium()
  try {
    const page = await phonePage(browser)
    await page.addInitScript((selectors: Record<string, string>) => {
      const seen: Seen = {}
      ;(window as unknown as { firstSeen: Seen }).firstSeen = seen
      new MutationObserver(() => {
        for (const [name, selector] of Object.entries(selectors)) if (!seen[name] && document.querySelector(selector)) seen[name] = performance.now()
      }).observe(document, { childList: true, subtree: true, attributes: true })
    }, marks)
    await signIn(page, baseUrl, { persona })
    const loads: Seen[] = []
    for (let i = 0; i < LOADS; i++) {
      await page.goto(`${baseUrl}${path}`)
      await page.waitForFunction((name) => (window as unknown as { firstSeen: Seen }).firstSeen[name] !== undefined, until)
      loads.push(await page.evaluate(() => ({ ...(window as unknown as { firstSeen: Seen }).firstSeen })))
    }
    return loads
  } finally {
    await browser.close()
  }
}

export interface FirstPageLoad {
  skeletonMs: number
  contentMs: number
}

/** Each load's times; the first load is cold (nothing cached), the rest warm. */
export async function directoryLoads(baseUrl: string): Promise<FirstPageLoad[]> {
  const loads = await firstSeen(baseUrl, 'resident', '/pages/index/index', { skeleton: '.ui-skeleton', content: '.site-item' }, 'content')
  return loads.map((seen) => ({ skeletonMs: seen.skeleton, contentMs: seen.content - seen.skeleton }))
}

export interface WorkbenchLoad {
  /** Navigation to the 工作台's grid on screen (its counts may still say —). */
  gridMs: number
  /** Navigation to every count on screen. */
  countsMs: number
}

const WORKBENCH = '[role=region][aria-label=工作台]'

/**
 * 我的 as staff on h5, the 工作台 first: from navigation to its grid, and to its last count (each
 * count is one list call, a page of at most 100). The first load is cold, the rest warm.
 */
export async function workbenchLoads(baseUrl: string): Promise<WorkbenchLoad[]> {
  const loads = await firstSeen(baseUrl, 'staff', '/pages/mine/index', {
    grid: WORKBENCH,
    counts: `${WORKBENCH}:has(.ui-stat-count):not(:has(.ui-stat-count[aria-hidden=true]))`,
  }, 'counts')
  return loads.map((seen) => ({ gridMs: seen.grid, countsMs: seen.counts }))
}
