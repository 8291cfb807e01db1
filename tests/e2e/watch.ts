/**
 * What a page must not do while a test drives it: log a console error, throw, or break the content
 * security policy. Each violation is also logged by Chromium, but the event names the directive.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from '../support/host'

export const SHOTS = join(ROOT, '.cache/screenshots')
mkdirSync(SHOTS, { recursive: true })

/** Starts collecting on `page` (the next navigation on, for the CSP listener); the array fills as the page runs. */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP violation: ${text}`))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI}`)
    })
  })
  return problems
}

/** Whether `inner`'s box lies wholly within `outer`'s (1 px of rounding allowed). */
export function within(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1
}

/** The API calls of `action` the page sends to `fn`, counted as they go. */
export function countCalls(page: Page, fn: string, action: string): { count: number } {
  const seen = { count: 0 }
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/api/${fn}`) && JSON.parse(request.postData() ?? '{}').action === action) seen.count++
  })
  return seen
}
