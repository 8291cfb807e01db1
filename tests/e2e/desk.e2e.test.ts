/**
 * The desk in Chromium: a site admin at the kiosk prints a resident's card and checks them in with
 * it; the resident, later on their own WeChat, binds the card and finds the check-in under 我的签到,
 * labelled 由李静工作人员代为签到. Screenshots in .cache/screenshots/desk-*.png. And a private
 * evidence photo, served only by its signed link while the link lasts.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { e2eSuite } from '../support/browser'
import { hostCaller, ROOT } from '../support/host'

const SHOTS = join(ROOT, '.cache/screenshots')
mkdirSync(SHOTS, { recursive: true })

describe('check-in at the desk kiosk, then binding (h5 build, Chromium)', () => {
  const suite = e2eSuite()

  it('a site admin checks a resident in by their new card; the resident binds it and sees the record', async () => {
    const desk = await suite.as({ persona: 'site_admin' })
    await desk.goto(`${suite.host.url}/packages/operations/pages/desk/index?id=F01`)
    await desk.locator('.ui-page.elder').first().waitFor()
    await desk.getByRole('tab', { name: '制作签到卡' }).click()
    await desk.getByRole('textbox', { name: '姓名' }).fill('王秀英')
    await desk.getByRole('spinbutton', { name: '出生年份' }).or(desk.getByRole('textbox', { name: '出生年份' })).fill('1948')
    await desk.getByRole('textbox', { name: '身份证号后 4 位' }).fill('203X')
    await desk.getByText('制作签到卡', { exact: true }).last().click()
    const printed = desk.getByText(/^编码：k=/)
    await printed.waitFor()
    expect(await desk.getByText('王*英').count()).toBeGreaterThan(0)
    expect(await desk.getByText('王秀英').count()).toBe(0)
    await printed.scrollIntoViewIfNeeded()
    await desk.screenshot({ path: join(SHOTS, 'desk-card.png') })
    const code = ((await printed.textContent()) ?? '').replace('编码：', '').trim()

    await desk.getByRole('tab', { name: '刷卡签到' }).click()
    await desk.getByRole('textbox', { name: '签到卡编码' }).fill(code)
    await desk.getByText('确认签到', { exact: true }).click()
    await desk.locator('.ui-notice-success').getByText('签到成功（由李静工作人员代为签到）').waitFor()
    await desk.screenshot({ path: join(SHOTS, 'desk-checked-in.png'), fullPage: true })
    // The same card again the same day: refused, with its reason.
    await desk.getByRole('textbox', { name: '签到卡编码' }).fill(code)
    await desk.getByText('确认签到', { exact: true }).click()
    await desk.locator('.ui-notice-error').getByText('该居民今天已签到，不能重复代签').waitFor()
    await desk.context().close()

    // Days later the resident has a phone: their card's QR opens the binding page.
    await suite.setClock('2026-11-23T03:00:00Z')
    const resident = await suite.as({ guest: 'desk-resident' })
    await resident.goto(`${suite.host.url}/packages/checkin/pages/card/index?scene=${encodeURIComponent(code)}`)
    await resident.getByText('绑定到我的微信').click()
    await resident.getByText('已归入 1 条代为签到记录').waitFor()
    await resident.screenshot({ path: join(SHOTS, 'desk-card-bound.png'), fullPage: true })
    await resident.getByText('查看我的签到').click()
    const item = resident.locator('.ui-cell').filter({ hasText: '由李静工作人员代为签到' })
    await item.waitFor()
    expect(await item.textContent()).toContain('区图书馆')
    expect(await item.textContent()).toContain('代签')
    await item.scrollIntoViewIfNeeded()
    await resident.screenshot({ path: join(SHOTS, 'desk-mine-assisted.png') })
    await resident.context().close()
  })

  it('keeps an evidence photo private: never under /uploads, served by its link for ten minutes only', async () => {
    const url = suite.host.url
    const signin = await fetch(`${url}/dev/signin`, { method: 'POST', body: JSON.stringify({ persona: 'site_admin' }) })
    const { token } = ((await signin.json()) as any).data
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082', 'hex')
    const uploaded = await fetch(`${url}/upload?private=1`, { method: 'POST', body: new Uint8Array(png), headers: { authorization: `Bearer ${token}` } })
    const { fileId } = ((await uploaded.json()) as any).data
    const name = fileId.slice(6)
    expect((await fetch(`${url}/uploads/${name}`)).headers.get('content-type')).not.toBe('image/png')
    const admin = await hostCaller(url, { persona: 'site_admin' })
    const site = (await admin('sites', 'get', { siteId: 'F01' })).data
    const recorded = await admin('operations', 'record', { siteId: 'F01', dimension: 'sign', fileKind: 'photo', fileId, bytes: png.length, lat: site.lat, lng: site.lng })
    const link = (await admin('operations', 'fileLink', { evidenceId: recorded.data.id })).data
    const served = await fetch(`${url}${link.url}`)
    expect([served.status, served.headers.get('content-type'), served.headers.get('cache-control')]).toEqual([200, 'image/png', 'private, no-store'])
    expect((await fetch(`${url}${link.url.replace(/s=[^&]+/, `s=${'A'.repeat(22)}`)}`)).status).toBe(403)
    const resident = await hostCaller(url, { persona: 'resident' })
    expect((await resident('operations', 'fileLink', { evidenceId: recorded.data.id })).error.code).toBe('forbidden')
    await suite.setClock(new Date(Date.parse(link.expiresAt) + 1000).toISOString())
    expect((await fetch(`${url}${link.url}`)).status).toBe(410)
  })
})
