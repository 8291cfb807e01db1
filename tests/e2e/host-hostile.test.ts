/** The host probed from outside: requests that are malformed at every layer answer 4xx, and it stays up. */
import * as jpeg from 'jpeg-js'
import { createHmac } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { hostCaller, ROOT, startHost, type HostProcess } from '../support/host'

/** Sends raw bytes and answers the status line (or '' when the connection closes silently). */
function rawRequest(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('end', () => resolve(answer.split('\r\n')[0]))
    socket.on('close', () => resolve(answer.split('\r\n')[0]))
    socket.on('error', reject)
    socket.setTimeout(5000, () => socket.destroy())
  })
}

describe('local host under hostile input', () => {
  let host: HostProcess
  const outside = join(ROOT, 'dist/h5-old')
  beforeAll(async () => {
    mkdirSync(outside, { recursive: true })
    writeFileSync(join(outside, 'secret.txt'), 'not for you')
    host = await startHost()
  })
  afterAll(async () => {
    await host.stop()
    rmSync(outside, { recursive: true, force: true })
  })

  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${host.url}${path}`, { method: 'POST', body, headers })
    return { status: response.status, headers: response.headers, body: (await response.json()) as any }
  }
  const stillServes = async () => {
    const call = await hostCaller(host.url, { guest: 'still-here' })
    expect((await call('account', 'me')).ok).toBe(true)
  }

  it('survives request lines it cannot parse, and answers them 400', async () => {
    expect(await rawRequest(host.url, 'GET http://%zz/ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    expect(await rawRequest(host.url, 'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    expect(await rawRequest(host.url, 'BREW / HTCPCP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    await stillServes()
  })

  it('answers bad percent-encoding in a static path 400, and never serves a file beside the h5 folder', async () => {
    for (const path of ['/%zz', '/%E0%A4%A', '/js/%ff%fe']) {
      expect((await fetch(`${host.url}${path}`)).status).toBe(400)
    }
    for (const path of ['/..%2fh5-old%2fsecret.txt', '/%2e%2e/h5-old/secret.txt', '/..%5ch5-old%5csecret.txt']) {
      const response = await fetch(`${host.url}${path}`)
      expect(await response.text()).not.toContain('not for you')
    }
    await stillServes()
  })

  it('refuses NUL bytes and lone surrogates in any text as invalid_input, and stores nothing', async () => {
    const staff = await hostCaller(host.url, { persona: 'staff' })
    const nul = await staff('sites', 'list', { q: '图书\u0000馆' })
    expect(nul.error).toEqual({ code: 'invalid_input', message: '内容含有无法识别的字符，请删除后重试' })
    const lone = await staff('admin', 'createProfile', { role: 'member', name: '王\ud800英' })
    expect(lone.error.code).toBe('invalid_input')
    const nested = await staff('admin', 'createProfile', { role: 'member', name: '正常', extra: { deep: ['\u0000'] } })
    expect(nested.error.code).toBe('invalid_input')
    const listed = await staff('admin', 'listProfiles', { limit: 100 })
    expect(listed.data.items.map((p: any) => p.name)).not.toContain('正常')
  })

  it('answers a sign-in body of null, a list or a string with invalid_input', async () => {
    for (const body of ['null', '[]', '"staff"', '{"persona":{"$ne":1}}']) {
      const answer = await post('/dev/signin', body)
      expect(answer.status).toBe(400)
      expect(answer.body.error.code).toBe('invalid_input')
    }
  })

  it('accepts only the exact token it signed', async () => {
    const signin = await post('/dev/signin', JSON.stringify({ persona: 'staff' }))
    const token: string = signin.body.data.token
    const as = (value: string) => post('/api/account', JSON.stringify({ action: 'me' }), { authorization: `Bearer ${value}` })
    expect((await as(token)).body.data.primaryRole).toBe('staff')
    for (const bad of [`${token}.x`, `${token}x`, ` ${token}`, `x.${token}`, token.replace('.', '..')]) {
      expect((await as(bad)).body.error.code).toBe('unauthenticated')
    }
    const secret = Buffer.from(readFileSync(join(host.dataDir, 'dev-secret'), 'utf8'), 'hex')
    const forge = (claims: object) => {
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
      return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
    }
    const far = Date.now() + 86_400_000
    expect((await as(forge({ openid: 'demo-staff', exp: far }))).body.data.primaryRole).toBe('staff')
    expect((await as(forge({ openid: 'demo-staff', exp: String(far) }))).body.error.code).toBe('unauthenticated')
    expect((await as(forge({ openid: 'demo-staff', exp: far, role: 'admin' }))).body.error.code).toBe('unauthenticated')
    expect((await as(forge({ openid: 'demo-staff', exp: Date.now() - 1 }))).body.error.code).toBe('unauthenticated')
  })

  it('gives no dev token to a page served under another host name (DNS rebinding)', async () => {
    const rebound = await rawRequest(
      host.url,
      'POST /dev/signin HTTP/1.1\r\nHost: evil.example:80\r\ncontent-type: application/json\r\ncontent-length: 19\r\nconnection: close\r\n\r\n{"persona":"admin"}',
    )
    expect(rebound).toMatch(/^HTTP\/1\.1 403/)
    expect((await post('/dev/signin', JSON.stringify({ persona: 'resident' }))).status).toBe(200)
  })

  it('sends security headers on every answer and never CORS headers', async () => {
    const answers = [
      await fetch(`${host.url}/`),
      await fetch(`${host.url}/no/such/page`),
      await fetch(`${host.url}/api/sites`, { method: 'POST', body: '{', headers: { origin: 'https://evil.example' } }),
      await fetch(`${host.url}/api/sites`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }),
      await fetch(`${host.url}/%zz`),
    ]
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.headers.get('x-frame-options')).toBe('DENY')
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer')
      expect(answer.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/)
      expect([...(answer.headers as unknown as Map<string, string>).keys()].filter((name) => name.startsWith('access-control-'))).toEqual([])
    }
  })

  it('takes only signed-in, whole JPEG or PNG photos up to 2 MB, and keeps them without metadata or anything appended', async () => {
    const signin = await post('/dev/signin', JSON.stringify({ guest: 'photographer' }))
    const auth = { authorization: `Bearer ${signin.body.data.token}` }
    const upload = (body: Buffer, headers: Record<string, string> = auth) => fetch(`${host.url}/upload`, { method: 'POST', body: new Uint8Array(body), headers })
    const photo = Buffer.from(jpeg.encode({ data: Buffer.alloc(16 * 16 * 4, 0x90), width: 16, height: 16 }, 80).data)
    const gps = Buffer.from('Exif\0\0GPS 39.9042N 116.4074', 'latin1')
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, gps.length + 2]), gps])
    const phonePhoto = Buffer.concat([photo.subarray(0, 2), exif, photo.subarray(2), Buffer.from('<html><script>alert(1)</script></html>')])
    expect((await upload(photo, {})).status).toBe(401)
    const fake = await upload(Buffer.from('GIF89a not really a photo'))
    expect([fake.status, ((await fake.json()) as any).error.message]).toEqual([400, '照片只能是 JPG 或 PNG 图片'])
    const cut = await upload(photo.subarray(0, photo.length - 30))
    expect([cut.status, ((await cut.json()) as any).error.message]).toEqual([400, '照片文件已损坏或不完整，请重新选择'])
    expect((await upload(Buffer.alloc(2 * 1024 * 1024 + 1, 0xff))).status).toBe(413)
    const ok = (await (await upload(phonePhoto)).json()) as any
    expect(ok.data.fileId).toMatch(/^local:[0-9a-f]{64}\.jpg$/)
    const served = await fetch(`${host.url}/uploads/${ok.data.fileId.slice(6)}`)
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
    const kept = Buffer.from(await served.arrayBuffer())
    expect(kept.toString('latin1')).not.toMatch(/GPS|<html>/)
    expect(jpeg.decode(kept).width).toBe(16)
    await stillServes()
  })

  it('lets a topic carry only photos its proposer uploaded; a photo never uploaded or someone else\'s is refused and nothing is stored', async () => {
    const signin = await post('/dev/signin', JSON.stringify({ guest: 'photo-owner' }))
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082', 'hex')
    const uploaded = await fetch(`${host.url}/upload`, { method: 'POST', body: new Uint8Array(png), headers: { authorization: `Bearer ${signin.body.data.token}` } })
    const { fileId } = ((await uploaded.json()) as any).data
    const owner = await hostCaller(host.url, { guest: 'photo-owner' })
    const stranger = await hostCaller(host.url, { guest: 'photo-stranger' })
    const draft = (title: string, photos: string[]) => ({ siteId: 'F01', title, body: '小区门口路灯坏了很久，晚上出行很不方便。', category: '环境卫生', photos })
    const before = (await stranger('topics', 'list', { mine: 'proposed' })).data.items.length
    for (const photos of [[fileId], ['local:' + 'b'.repeat(64) + '.jpg']]) {
      expect((await stranger('topics', 'propose', draft('路灯不亮', photos))).error).toEqual({ code: 'invalid_input', message: '照片无效，请重新上传' })
    }
    expect((await stranger('topics', 'list', { mine: 'proposed' })).data.items.length).toBe(before)
    const mine = await owner('topics', 'propose', draft('路灯不亮', [fileId]))
    expect(mine.ok).toBe(true)
    expect((await owner('topics', 'get', { topicId: mine.data.id })).data.photos).toEqual([fileId])
  })

  it('never runs jobs for a timer-shaped call from outside', async () => {
    const answer = await post('/api/notices', JSON.stringify({ Type: 'timer', TriggerName: 'jobs', Time: new Date().toISOString() }))
    expect(answer.body.ok).toBe(false)
    expect(answer.body.error.code).toBe('invalid_input')
  })
})
