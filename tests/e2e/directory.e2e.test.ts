/** The home tab's directory as a resident uses it: categories, scrolling for more, and search while typing. */
import { PAGE_DEFAULT } from '../../src/domain/page'
import { hostInBrowser, signIn } from '../support/browser'

describe('the directory (h5 build, Chromium)', () => {
  const ui = hostInBrowser()
  beforeAll(async () => {
    await signIn(ui.page, ui.host.url, { persona: 'resident' })
  })
  beforeEach(async () => {
    await ui.page.goto(`${ui.host.url}/pages/index/index`)
    await ui.page.locator('.site-item').first().waitFor()
  })

  it('lists sites by category', async () => {
    await ui.page.getByRole('tab', { name: '代表性' }).click()
    await ui.page.getByText('运河文化博物馆').waitFor({ state: 'detached' })
    // The old list goes first and a skeleton shows; the category's sites come with the answer.
    await ui.page.getByText('没有更多了').waitFor()
    expect(await ui.page.locator('.site-item').count()).toBe(10)
    await expect(ui.page.locator('.site-item').first().textContent()).resolves.toContain('民革区委会')
  })

  it('shows the first page, loads more at the bottom, and ends with 没有更多了', async () => {
    expect(await ui.page.locator('.site-item').count()).toBe(PAGE_DEFAULT)
    const end = ui.page.getByText('没有更多了')
    // A finger's scroll: many small steps (Taro fires reach-bottom once per arrival at the end).
    await ui.page.mouse.move(195, 500)
    for (let i = 0; i < 80 && !(await end.isVisible()); i++) {
      await ui.page.mouse.wheel(0, 400)
      await ui.page.waitForTimeout(50)
    }
    await end.waitFor()
    // 1 centre, 40 alliance sites, 7 studios and gatherings, 5 stations.
    expect(await ui.page.locator('.site-item').count()).toBeGreaterThan(2 * PAGE_DEFAULT)
    const names = await ui.page.locator('.site-item .title').allTextContents()
    expect(new Set(names).size).toBe(names.length)
  })

  it('asks once after typing stops, and shows that answer', async () => {
    const searched: string[] = []
    ui.page.on('request', (request) => {
      if (request.url().endsWith('/api/sites') && request.postDataJSON()?.data?.q) searched.push(request.postDataJSON().data.q)
    })
    await ui.page.getByRole('searchbox', { name: '搜索联盟点' }).pressSequentially('图书馆', { delay: 60 })
    await ui.page.getByText('没有更多了').waitFor()
    expect(await ui.page.locator('.site-item .title').allTextContents()).toEqual(['区图书馆'])
    expect(searched).toEqual(['图书馆'])
  })
})
