/**
 * What a guest reads on the public pages (topic page, 公示, story): phone numbers in every writing,
 * ID numbers and the names of people the system knows are masked, whoever typed them.
 */
import { as, bindHandler, deliberatedTopic } from '../support/feedback'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const BODY = '小区停车难，联系人王丽英 138-1234-5678，备用 +86 139 8765 4321、１３７１１１１２２２２，身份证 110101199003071234。'

describe(`public text is masked on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime('2026-08-03T02:00:00Z')
    await bindHandler('handler-chen', 'U01', '陈晓明')
    await bindHandler('resident-wang', 'U02', '王丽英')
  })
  afterAll(() => rt.close())

  it('never shows a phone, an ID number or a known full name to a guest', async () => {
    const staff = as('demo-staff')
    const topicId = await deliberatedTopic(rt, { title: '陈晓明反映停车难' })
    await rt.db.query('UPDATE topics SET body = $2 WHERE id = $1', [topicId, BODY]) // as a resident would have typed it
    const { data } = await staff.feedback('assign', { topicId, units: [{ unitId: 'U01' }] })
    const chen = as('handler-chen')
    await chen.feedback('acknowledge', { assignmentId: data.assignments[0].id })
    await chen.feedback('progress', { assignmentId: data.assignments[0].id, note: '已联系王丽英现场查看，电话 13812345678' })
    await chen.feedback('reply', { assignmentId: data.assignments[0].id, reply: '陈晓明已协调增设车位，咨询 0534-2345678。' })
    expect((await staff.feedback('publish', { topicId, summary: '经王丽英、陈晓明核实，新增车位 40 个。' })).ok).toBe(true)

    const guest = as('passer-by')
    const shown = [
      (await guest.topics('get', { topicId })).data,
      (await guest.feedback('story', { topicId })).data,
      (await guest.feedback('outcomes', {})).data,
      (await guest.topics('list', { siteId: 'F01' })).data,
    ].map((page) => JSON.stringify(page))
    for (const page of shown) {
      for (const secret of ['王丽英', '陈晓明', '1234-5678', '8765 4321', '１１１１２２２２', '110101199003071234', '2345678']) expect(page).not.toContain(secret)
    }
    const [topicPage, story, outcomes] = shown
    expect(topicPage).toContain('联系人王*英 138****5678，备用 +86 139****4321、137****2222，身份证 1101**********1234')
    expect(topicPage).toContain('陈*明反映停车难')
    expect(story).toContain('已联系王*英现场查看，电话 138****5678')
    expect(story).toContain('陈*明已协调增设车位，咨询 0534-****678')
    expect(outcomes).toContain('经王*英、陈*明核实')
    // The stored text is never changed: staff exports and the proposer's own edits start from it.
    expect((await rt.db.query('SELECT body FROM topics WHERE id = $1', [topicId]))[0].body).toBe(BODY)
  })
})
