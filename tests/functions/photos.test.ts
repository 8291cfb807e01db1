/**
 * A record carries only its author's own photos: a cloud file is claimed by the first person who
 * uploaded it, and a photo nobody uploaded, or someone else's, is refused with nothing stored.
 */
import { main as account } from '../../cloudfunctions/account'
import { as, bindHandler, deliberatedTopic } from '../support/feedback'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'
import { draft } from '../support/topics'

const cloudFile = (name: string) => `cloud://prod-7g.7072-prod/topics/${name}.jpg`
const NOT_OWN = { code: 'invalid_input', message: '照片无效，请重新上传' }

describe(`photo ownership on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime('2026-08-03T02:00:00Z')
  })
  afterAll(() => rt.close())

  it('lets the first uploader claim a cloud file; nobody else can claim it or use it', async () => {
    const wang = as('resident-wang')
    const li = as('resident-li')
    expect((await caller(account, 'resident-wang')('claimPhotos', { fileIds: [cloudFile('a1')] })).data).toEqual({ claimed: 1 })
    expect((await caller(account, 'resident-wang')('claimPhotos', { fileIds: [cloudFile('a1')] })).ok).toBe(true) // claiming again is no harm
    expect((await caller(account, 'resident-li')('claimPhotos', { fileIds: [cloudFile('b1'), cloudFile('a1')] })).error).toEqual(NOT_OWN)
    const topicsBefore = await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM topics')
    expect((await li.topics('propose', draft('路灯不亮', { photos: [cloudFile('a1')] }))).error).toEqual(NOT_OWN)
    expect((await li.topics('propose', draft('路灯不亮', { photos: [cloudFile('b1')] }))).error).toEqual(NOT_OWN) // b1 was not claimed either
    expect((await li.topics('propose', draft('路灯不亮', { photos: ['local:' + 'c'.repeat(64) + '.png'] }))).error).toEqual(NOT_OWN)
    expect(await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM topics')).toEqual(topicsBefore)
    const mine = await wang.topics('propose', draft('路灯不亮', { photos: [cloudFile('a1')] }))
    expect((await wang.topics('get', { topicId: mine.data.id })).data.photos).toEqual([cloudFile('a1')])
  })

  it('refuses a handler\'s progress note or reply with a photo they did not upload, and keeps nothing', async () => {
    await bindHandler('handler-zhao', 'U01', '赵明')
    const staff = as('demo-staff')
    const topicId = await deliberatedTopic(rt, { title: '社区停车难' })
    const { data } = await staff.feedback('assign', { topicId, units: [{ unitId: 'U01' }] })
    const zhao = as('handler-zhao')
    const assignmentId = data.assignments[0].id
    await zhao.feedback('acknowledge', { assignmentId })
    const notes = async () => (await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM assignment_notes WHERE assignment_id = $1', [assignmentId]))[0].n
    const before = await notes()
    expect((await zhao.feedback('progress', { assignmentId, note: '已到现场查看', photos: [cloudFile('a1')] })).error).toEqual(NOT_OWN)
    expect((await zhao.feedback('reply', { assignmentId, reply: '已协调增设车位四十个。', photos: [cloudFile('a1')] })).error).toEqual(NOT_OWN)
    expect(await notes()).toBe(before)
    await caller(account, 'handler-zhao')('claimPhotos', { fileIds: [cloudFile('z1')] })
    expect((await zhao.feedback('reply', { assignmentId, reply: '已协调增设车位四十个。', photos: [cloudFile('z1')] })).ok).toBe(true)
  })

  it('gives a file claimed by two people at once to exactly one of them', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => `race-${i}`).map((openid) => caller(account, openid)('claimPhotos', { fileIds: [cloudFile('race')] })))
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
    expect((await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads WHERE file_id = $1', [cloudFile('race')]))[0].n).toBe(1)
  })

  it('answers a malformed claim invalid_input', async () => {
    const claim = caller(account, 'resident-wang')
    for (const fileIds of [[], ['http://evil.example/a.jpg'], 'cloud://x/a.jpg', Array(10).fill(cloudFile('many'))]) {
      expect((await claim('claimPhotos', { fileIds })).error.code).toBe('invalid_input')
    }
  })
})
