/**
 * 社情民意 end to end in Chromium: a resident suggests at a station (兴文社区协商工作站); the
 * 社情民意信息员 accepts it and writes it into a 专报; the 专报 is 报送, 采用 and 批示; the resident
 * reads in 我的建议 what came of it (the 批示's level, never its text).
 */
import { e2eSuite } from '../support/browser'

const TITLE = '兴文社区菜市场周边早高峰拥堵'
const ENDORSEMENT = '请区交通运输局会同街道研究疏导方案'

describe('社情民意 in the browser (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { as } = suite

  it('takes a resident’s suggestion into an endorsed report and tells the resident in 我的', async () => {
    const { host } = suite
    const resident = await as({ guest: 'suggester-e2e' })
    await resident.goto(`${host.url}/packages/opinions/pages/submit/index?site=S03`)
    await resident.getByLabel('建议标题').fill(TITLE)
    await resident.getByLabel('建议内容').fill('菜市场门口早上七点到八点车辆乱停，送孩子上学的家长和买菜的老人挤在一起，建议设置临时停车区并安排疏导。')
    await resident.getByText('提交建议').click()
    await resident.getByText('已提交').locator('visible=true').first().waitFor()

    const editor = await as({ persona: 'opinion_editor' })
    await editor.goto(`${host.url}/packages/opinions/pages/screen/index`)
    await editor.getByText(TITLE).click()
    await editor.getByText('采纳', { exact: true }).locator('visible=true').click()
    await editor.getByText('已采纳').locator('visible=true').first().waitFor()

    await editor.goto(`${host.url}/packages/opinions/pages/reports/index`)
    await editor.getByText(TITLE).locator('visible=true').click()
    await editor.getByText('已选').locator('visible=true').waitFor()
    await editor.getByLabel('专报标题').fill('关于缓解社区菜市场早高峰拥堵的建议')
    await editor.getByLabel('专报正文').fill('兴文社区群众反映菜市场周边早高峰拥堵，学生上学与居民买菜时段重叠，建议设置临时停车区、错峰疏导。')
    await editor.getByText('编写专报', { exact: true }).locator('visible=true').click()
    await editor.getByText('来源建议').locator('visible=true').waitFor()
    await editor.getByText('报送专报').locator('visible=true').click()
    await editor.getByLabel('采用单位').locator('visible=true').fill('区委办公室')
    await editor.getByText('录入采用').locator('visible=true').click()
    await editor.getByLabel('批示内容').locator('visible=true').fill(ENDORSEMENT)
    await editor.getByText('录入批示').locator('visible=true').click()
    await editor.getByText(ENDORSEMENT).locator('visible=true').waitFor()

    await resident.goto(`${host.url}/packages/opinions/pages/mine/index`)
    await resident.getByText(TITLE).locator('visible=true').waitFor()
    await resident.getByText(/获区级领导批示/).locator('visible=true').first().waitFor()
    expect(await resident.getByText(ENDORSEMENT).count()).toBe(0)
  })
})
