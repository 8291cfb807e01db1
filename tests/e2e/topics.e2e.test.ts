/**
 * 月月说事 end to end in Chromium, with the host's clock moved by /dev/clock (DEV_CLOCK=1): a
 * resident proposes; the site's admin accepts; the voting window opens; three residents vote; the
 * window closes; the chosen topic shows on the 议事 tab with its timeline; staff record the meeting.
 */
import { e2eSuite } from '../support/browser'
import { answerConfirm } from './confirm'

const TITLE = '图书馆阅览室冬天太冷'

describe('月月说事 in the browser (h5 build, Chromium)', () => {
  const suite = e2eSuite()
  const { setClock, as } = suite

  it('takes a topic from proposal to the meeting record', async () => {
    const { host } = suite
    await setClock('2026-12-03T02:00:00Z')
    const resident = await as({ guest: 'proposer-e2e' })
    await resident.goto(`${host.url}/pages/topics/index?site=F01`)
    await resident.getByText('议题征集中').waitFor()
    await resident.getByText('我要提议题', { exact: true }).click()
    await resident.getByLabel('议题标题').fill(TITLE)
    await resident.getByLabel('具体情况').fill('二楼阅览室暖气不足，冬天只有十几度，看书的老人和学生都冻得坐不住，希望检修暖气。')
    await resident.getByLabel('议题类别：请选择').click()
    await resident.getByText('确定').locator('visible=true').click()
    await resident.getByText('提交议题').click()
    // Taro keeps the pages behind this one in the document (hidden): look only at what the person sees.
    await resident.getByText('待审核').locator('visible=true').first().waitFor()

    const admin = await as({ persona: 'site_admin' })
    await admin.goto(`${host.url}/packages/topics/pages/screen/index`)
    await admin.getByText(TITLE).click()
    await admin.getByText('受理', { exact: true }).click()
    await answerConfirm(admin, '受理这个议题？')
    await admin.getByText('已受理').first().waitFor()

    await setClock('2026-12-21T01:00:00Z')
    for (const voter of ['voter-e2e-1', 'voter-e2e-2', 'voter-e2e-3']) {
      const page = await as({ guest: voter })
      await page.goto(`${host.url}/pages/topics/index?site=F01`)
      await page.getByText('投票进行中').waitFor()
      await page.getByLabel(`投票：${TITLE}`).click()
      await page.getByLabel(`撤回投票：${TITLE}`).waitFor()
      await page.context().close()
    }

    await setClock('2026-12-26T01:00:00Z')
    await resident.goto(`${host.url}/pages/topics/index?site=F01`)
    await resident.getByText('投票结果').waitFor()
    await resident.getByText(`1. ${TITLE}`).waitFor()
    await resident.getByText('3 票').first().waitFor()
    await resident.getByText(`1. ${TITLE}`).click()
    await resident.getByText('办理进程').waitFor()
    for (const step of ['待审核', '已受理', '投票中', '已入选']) await resident.getByText(step).first().waitFor()

    const staff = await as({ persona: 'staff' })
    await staff.goto(resident.url())
    await staff.getByText('记录协商').click()
    await staff.getByLabel('地点').fill('区图书馆三楼报告厅')
    await staff.getByLabel('参会人数').fill('18')
    await staff.getByLabel('参会界别').fill('读者代表、政协委员、区文旅局')
    await staff.getByLabel('协商意见').fill('年底前检修二楼暖气管道，阅览室加装两台空调。')
    await staff.getByLabel('下一步').fill('交区文化和旅游局办理')
    await staff.getByText('保存议事记录').click()
    await staff.getByText('协商议事记录').waitFor()
    await staff.getByText('年底前检修二楼暖气管道，阅览室加装两台空调。', { exact: true }).waitFor()
    await staff.getByText('已协商').first().waitFor()
  })
})
