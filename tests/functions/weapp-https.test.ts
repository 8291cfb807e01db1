/**
 * The mini-program's https transport (TRANSPORT=https) end to end: its own code (src/services/
 * transport.weapp.ts) with wx.login and wx.request stood in by the fake WeChat server and fetch,
 * against the host and the fake code2Session. The first call signs in, later calls reuse the
 * session, an ended session signs in again once, a WeChat failure reaches the page as its message.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as jpeg from 'jpeg-js'
import { createHost } from '../../cloudfunctions/host/server'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const storage = new Map<string, unknown>()
const PHOTO = Buffer.from(jpeg.encode({ data: Buffer.alloc(16 * 16 * 4, 0x90), width: 16, height: 16 }, 80).data)
const nextPerson = { openid: 'o-weapp-transport' }
let fake: FakeWechat
const wx = {
  login: async () => ({ code: fake.code(nextPerson) }),
  request: async ({ url, data, header }: { url: string; data: unknown; header: Record<string, string> }) => {
    const body = data instanceof ArrayBuffer ? Buffer.from(data) : JSON.stringify(data)
    const response = await fetch(url, { method: 'POST', headers: header, body })
    return { statusCode: response.status, data: await response.json() }
  },
  chooseMedia: async () => ({ tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: PHOTO.length }] }),
  getFileSystemManager: () => ({ readFileSync: () => PHOTO.buffer.slice(PHOTO.byteOffset, PHOTO.byteOffset + PHOTO.length) }),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
}
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: wx }))

describe(`mini-program over https on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  let close: () => Promise<void>
  let send: typeof import('../../src/services/transport.weapp').send
  beforeAll(async () => {
    rt = await startRuntime()
    fake = await startFakeWechat()
    const server = createHost({
      runtime: rt, h5Dir: '/nonexistent', publicUrl: 'https://xslm.example.gov.cn', uploadsDir: mkdtempSync(join(tmpdir(), 'xslm-weapp-')), allowedOrigin: 'https://xslm.example.gov.cn',
      signin: { weapp: { apiBase: fake.url, appid: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef', timeoutMs: 300 }, authorizeBase: fake.url, publicUrl: 'https://xslm.example.gov.cn' },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    Object.assign(globalThis, { TRANSPORT: 'https', API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
    close = () => new Promise((resolve) => server.close(() => resolve()))
    ;({ send } = await import('../../src/services/transport.weapp'))
  })
  afterAll(async () => {
    await close()
    await fake.close()
    await rt.close()
  })
  const logins = () => fake.hits.get('/sns/jscode2session') ?? 0

  it('signs in on the first call, once for calls at once, and reuses the session', async () => {
    const answers = await Promise.all([send('account', 'me', {}), send('account', 'me', {})])
    expect(answers.map((a) => a.ok)).toEqual([true, true])
    expect(logins()).toBe(1)
    await send('account', 'me', {})
    expect(logins()).toBe(1)
    expect([...storage.values()].join()).not.toMatch(/session_key|o-weapp-transport/)
  })

  it('signs in again once when the session has ended', async () => {
    await rt.db.exec('DELETE FROM sessions')
    const answer = await send<{ userId: number }>('account', 'me', {})
    expect(answer.ok).toBe(true)
    expect(logins()).toBe(2)
  })

  it('uploads a photo to the host as the signed-in person, and shows it from API_URL', async () => {
    const { choosePhotoFiles, photoUrl } = await import('../../src/services/photos.weapp')
    const [photo] = await choosePhotoFiles(1)
    expect(photo.fileId).toMatch(/^local:[0-9a-f]{64}\.jpg$/)
    const served = await fetch(photoUrl(photo.fileId))
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
    const [owner] = await rt.db.query<{ openid: string }>('SELECT u.openid FROM uploads p JOIN users u ON u.id = p.owner_id WHERE p.file_id = $1', [photo.fileId])
    expect(owner.openid).toBe('o-weapp-transport')
  })

  it('shows WeChat\'s failure as a message and keeps no session', async () => {
    storage.clear()
    fake.fail('/sns/jscode2session', 'timeout')
    const answer = await send('account', 'me', {})
    expect(answer).toEqual({ ok: false, error: { code: 'wechat_unavailable', message: '微信登录服务暂时无法连接，请稍后再试' } })
    expect(storage.size).toBe(0)
    fake.heal()
  })

  it('is chosen at build time: cloud by default, https only with an https API_URL', () => {
    const transport = (env: Record<string, string>) => {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import('./scripts/build.mjs').then((m) => console.log(JSON.stringify(m.weappTransport(${JSON.stringify(env)}))))`], { encoding: 'utf8' })
      return run.status === 0 ? JSON.parse(run.stdout) : run.stderr.match(/Error: (.*)/)?.[1]
    }
    expect(transport({})).toEqual({ transport: 'cloud' })
    expect(transport({ TRANSPORT: 'https', API_URL: 'https://xslm.example.gov.cn/' })).toEqual({ transport: 'https', apiUrl: 'https://xslm.example.gov.cn' })
    expect(transport({ TRANSPORT: 'https' })).toMatch(/needs API_URL/)
    expect(transport({ TRANSPORT: 'https', API_URL: 'http://xslm.example.gov.cn' })).toMatch(/must be an https origin/)
    expect(transport({ TRANSPORT: 'ftp' })).toMatch(/must be cloud or https/)
  })
})
