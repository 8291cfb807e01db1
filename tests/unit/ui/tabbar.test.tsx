/** @jest-environment jsdom */
/*
 * The weapp's custom tab bar (src/custom-tab-bar) as a person meets it: three tabs with their icons,
 * the chosen one selected for screen readers, the unread badge on 我的, a tap that switches once,
 * and elder mode's larger labels and icons.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import CustomTabBar from '@/custom-tab-bar'
import { syncUnreadBadge } from '@/services/notices'
import { useSession } from '@/stores/session'
import { useTabBar, useTabShown } from '@/stores/tabBar'
import { inAct, render } from '../../support/render'
import { calls, firePageEvent } from '../../support/taro'

jest.mock('@/services/call', () => ({
  endpoint: () => (action: string) => async () => (action === 'unread' ? { unread: 120 } : {}),
}))

const css = readFileSync(join(__dirname, '../../../src/custom-tab-bar/index.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
/** The declarations of one exact selector in the tab bar's CSS. */
const rule = (selector: string) => css.split('}').map((r) => r.split('{')).find(([s]) => s.split(',').map((x) => x.trim()).includes(selector))?.[1] ?? ''

afterEach(() => {
  useSession.setState({ elder: false })
  useTabBar.setState({ selected: 0, badge: '' })
  calls.length = 0
})

describe('custom tab bar', () => {
  it('shows the three tabs with their icons, the chosen one selected and its icon active', async () => {
    useTabBar.setState({ selected: 1 })
    const page = await render(<CustomTabBar />)
    const tabs = [...page.container.querySelectorAll('[role=tab]')]
    expect(page.container.querySelector('[role=tablist]')).not.toBeNull()
    expect(tabs.map((t) => t.getAttribute('aria-label'))).toEqual(['联盟阵地', '议事', '我的'])
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false'])
    expect(tabs.map((t) => t.querySelector('img')!.getAttribute('src'))).toEqual(['/assets/tabbar/home.png', '/assets/tabbar/topic-active.png', '/assets/tabbar/mine.png'])
    expect(tabs[1].className).toContain('tab-bar-on')
    page.unmount()
  })

  it('labels are 10 px normally; in elder mode 15 px with 34 px icons', async () => {
    expect(rule('.tab-bar-label')).toMatch(/font-size: 10PX/)
    expect(rule('.tab-bar-icon')).toMatch(/width: 24PX; height: 24PX/)
    expect(rule('.tab-bar-elder .tab-bar-label')).toMatch(/font-size: 15PX/)
    expect(rule('.tab-bar-elder .tab-bar-icon')).toMatch(/width: 34PX; height: 34PX/)
    expect(rule('.tab-bar')).toMatch(/padding-bottom: env\(safe-area-inset-bottom\)/)

    const page = await render(<CustomTabBar />)
    expect(page.container.querySelector('.tab-bar')!.className).toBe('tab-bar')
    await inAct(() => useSession.setState({ elder: true }))
    expect(page.container.querySelector('.tab-bar')!.className).toBe('tab-bar tab-bar-elder')
    expect(page.container.querySelectorAll('.tab-bar-elder .tab-bar-label')).toHaveLength(3)
    page.unmount()
  })

  it('shows the unread badge on 我的 and names it for screen readers', async () => {
    const page = await render(<CustomTabBar />)
    expect(page.container.querySelector('.tab-bar-badge')).toBeNull()
    await inAct(() => useTabBar.setState({ badge: '3' }))
    const mine = page.container.querySelectorAll('[role=tab]')[2]
    expect(mine.querySelector('.tab-bar-badge')!.textContent).toBe('3')
    expect(mine.getAttribute('aria-label')).toBe('我的，3 条未读')
    expect(page.container.querySelectorAll('.tab-bar-badge')).toHaveLength(1)
    page.unmount()
  })

  it('switches tab once on a tap, and a tap on the chosen tab does nothing', async () => {
    const page = await render(<CustomTabBar />)
    await page.click('[role=tab]:nth-child(3)')
    expect(calls.filter((c) => c.api === 'switchTab')).toEqual([{ api: 'switchTab', arg: { url: '/pages/mine/index' } }])
    expect(page.container.querySelectorAll('[role=tab]')[2].getAttribute('aria-selected')).toBe('true')
    calls.length = 0
    await page.click('[role=tab]:nth-child(3)')
    expect(calls.filter((c) => c.api === 'switchTab')).toEqual([])
    page.unmount()
  })
})

describe('on weapp', () => {
  const env = process.env.TARO_ENV
  beforeEach(() => { process.env.TARO_ENV = 'weapp' })
  afterEach(() => { process.env.TARO_ENV = env })

  it('a tab page marks its tab chosen when shown', async () => {
    function Topics() {
      useTabShown(1)
      return null
    }
    const page = await render(<><Topics /><CustomTabBar /></>)
    await inAct(() => firePageEvent('didShow'))
    expect(useTabBar.getState().selected).toBe(1)
    expect(page.container.querySelectorAll('[role=tab]')[1].getAttribute('aria-selected')).toBe('true')
    page.unmount()
  })

  it('the unread count goes to the tab bar store, not setTabBarBadge', async () => {
    expect(await syncUnreadBadge()).toBe(120)
    expect(useTabBar.getState().badge).toBe('99+')
    expect(calls.map((c) => c.api)).not.toContain('setTabBarBadge')
  })
})
