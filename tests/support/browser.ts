/**
 * Debian's Chromium through playwright-core at a phone's size (390×844), signed in through the dev
 * sign-in, with the checks every page must pass: axe-core (run offline from the npm package) and
 * the contrast of every button.
 */
import { readFileSync } from 'node:fs'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { startHost, type HostProcess } from './host'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/**
 * The environment Chromium runs in: without libfaketime, which the date matrix preloads for jest
 * and the hosts (Chromium stalls under it); pages take their dates from the host.
 */
function realClockEnv(): Record<string, string> {
  const env = Object.entries(process.env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME'))
  return Object.fromEntries(env.filter((entry): entry is [string, string] => entry[1] !== undefined))
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    env: realClockEnv(),
  })
}

export async function phonePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options })
  return context.newPage()
}

export interface HostInBrowser {
  host: HostProcess
  browser: Browser
  page: Page
}

/** The built host and Chromium with one phone-sized page, started before a describe block's tests and stopped after. */
export function hostInBrowser(): HostInBrowser {
  const suite = {} as HostInBrowser
  beforeAll(async () => {
    suite.host = await startHost()
    suite.browser = await launchChromium()
    suite.page = await phonePage(suite.browser)
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.host?.stop()
  })
  return suite
}

export async function signIn(page: Page, baseUrl: string, who: { persona?: string; guest?: string }): Promise<void> {
  await page.goto(`${baseUrl}/packages/devsignin/pages/index/index`)
  const token = await page.evaluate(async (body) => {
    const response = await fetch('/dev/signin', { method: 'POST', body: JSON.stringify(body) })
    return (await response.json()).data.token as string
  }, who)
  // Taro's h5 storage keeps each value as { data } in localStorage.
  await page.evaluate((value) => localStorage.setItem('dev-token', JSON.stringify({ data: value })), token)
}

export async function setElderMode(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('elder-mode', JSON.stringify({ data: value })), on ? 1 : '')
}

export interface AxeViolation {
  id: string
  impact: string
  help: string
  nodes: string[]
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so a page's CSP does not block it.
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe
    const { violations } = await axe.run(document)
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  })
}

export interface ButtonContrast {
  text: string
  ratio: number
}

/**
 * The contrast ratio (WCAG 2) of every button's text against the background it is drawn on: the
 * nearest opaque background among it and its ancestors.
 */
export async function buttonContrasts(page: Page): Promise<ButtonContrast[]> {
  return page.evaluate(() => {
    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    const backgroundOf = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const bg = rgba(getComputedStyle(el).backgroundColor)
        if (bg.length === 3 || (bg.length === 4 && bg[3] === 1)) return bg.slice(0, 3)
      }
      return [255, 255, 255]
    }
    const buttons = [...document.querySelectorAll('taro-button-core, button, [role=button], [role=tab], [role=link]')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.textContent!.trim())
    return buttons.map((el) => {
      const [r, g, b, a = 1] = rgba(getComputedStyle(el).color)
      const bg = backgroundOf(el)
      // Text with alpha is blended over its background first.
      const fg = [r, g, b].map((c, i) => c * a + bg[i] * (1 - a))
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x)
      return { text: el.textContent!.trim(), ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 }
    })
  })
}

/** Where an e2e suite's clock starts: the host seeds its demo data relative to it, so no suite depends on today's date. */
export const E2E_START = '2026-11-20T02:00:00Z'

/**
 * An end-to-end suite's host and Chromium, started once for the suite, with its clock and its people.
 * By default the host's clock moves by /dev/clock, and its due jobs run on each move.
 */
export function e2eSuite(env: Record<string, string> = { DEV_CLOCK: '1', DEV_CLOCK_AT: E2E_START, JOBS_INTERVAL_MS: '0' }) {
  let host: HostProcess | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    host = await startHost(undefined, env)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })
  return {
    get host(): HostProcess {
      return host!
    },
    setClock: async (at: string) => {
      const answer = await fetch(`${host!.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ at }) })
      expect(answer.status).toBe(200)
    },
    /** A phone-sized page signed in as a persona or a guest. */
    as: async (who: { persona?: string; guest?: string }): Promise<Page> => {
      const page = await phonePage(browser!)
      await signIn(page, host!.url, who)
      return page
    },
  }
}
