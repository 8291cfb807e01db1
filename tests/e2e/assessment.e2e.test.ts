/**
 * 月通报's cycle end to end in Chromium: staff freeze a month's draft; 区图书馆's site admin appeals
 * one of its figures; staff uphold the appeal and the bulletin shows version 2 with the change;
 * once the appeal window has closed the job makes it final, the site admin is told, and a resident
 * reads the final bulletin.
 */
import { addMonths } from '../../src/domain/cycle'
import { shanghaiDay } from '../../src/domain/time'
import { E2E_START, e2eSuite } from '../support/browser'

describe('the monthly bulletin\'s cycle in the browser (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { as, setClock } = suite

  it('staff freeze a month, a unit appeals, staff uphold it, the bulletin shows version 2 and is published once the window closes', async () => {
    const { host } = suite
    // Four months before the host's (its clock starts at E2E_START): over, frozen neither by the job (last month
    // only) nor by the demo (three and two months before).
    const month = addMonths(shanghaiDay(new Date(E2E_START)).slice(0, 7), -4)
    const page = `${host.url}/packages/assessment/pages/bulletin/index?month=${month}`
    const staff = await as({ persona: 'staff' })
    await staff.goto(page)
    await staff.getByText('本月联盟共开展活动').waitFor()
    await staff.getByText('草稿').waitFor()
    await staff.getByLabel(/^冻结.*通报$/).click()
    await staff.getByText('月通报已冻结，已下发各单位征求意见').waitFor()
    await staff.getByText('第 1 版').waitFor()

    const admin = await as({ persona: 'site_admin' })
    await admin.goto(page)
    await admin.getByText(/^对区图书馆的数据提出申诉/).waitFor()
    await admin.getByLabel('应为').fill('99')
    await admin.getByLabel('申诉理由').fill('本月两场读书会的签到表已补交')
    await admin.getByText('提交申诉').click()
    await admin.getByText('申诉已提交，区政协工作人员处理后会通知您').waitFor()

    await staff.reload()
    await staff.getByLabel('处理意见：区图书馆开展活动').fill('签到表核实无误')
    await staff.getByLabel('申诉成立：区图书馆开展活动').click()
    await staff.getByText('申诉成立，已重新下发更正后的通报').waitFor()
    await staff.getByText('第 2 版').first().waitFor()
    await staff.getByText(/^更正：区图书馆 开展活动 \d+ → 99$/).waitFor()
    await staff.getByText(/本月收到申诉 1 件：成立 1 件/).waitFor()

    // Ten days on, the appeal window (5 working days) has closed: the job makes version 2 final and tells the units.
    const later = new Date(E2E_START).getTime() + 10 * 86_400_000
    await setClock(new Date(later).toISOString())
    await setClock(new Date(later + 2 * 60_000).toISOString()) // the outbox drains
    await admin.goto(`${host.url}/packages/notices/pages/inbox/index`)
    await admin.getByText(`${Number(month.slice(5))}月联盟工作通报已发布`).first().waitFor()

    const resident = await as({ persona: 'resident' })
    await resident.goto(page)
    await resident.getByText('已发布').first().waitFor()
    await resident.getByText('第 2 版').first().waitFor()
    expect(await resident.getByText('发布通报').count()).toBe(0)
    expect(await resident.getByText('提交申诉').count()).toBe(0)
    // The final version as a Word document, downloaded once per tap.
    const [file] = await Promise.all([resident.waitForEvent('download'), resident.getByText('导出 Word').click()])
    expect(file.suggestedFilename()).toBe(`${month}联盟工作通报-第2版.docx`)
    await resident.getByText('已导出 Word 文档').waitFor()
  }, 120_000)
})
