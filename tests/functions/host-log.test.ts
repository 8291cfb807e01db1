/**
 * The host's request log and metrics in-process: a signed-in person appears in the log only as a
 * hash, never by openid, token or the call's data; the address list of /metrics.
 */
import type { AddressInfo } from 'node:net'
import { devAuth } from '../../cloudfunctions/host/dev-auth'
import { allowed, allowList, personHash } from '../../cloudfunctions/host/production'
import { createHost } from '../../cloudfunctions/host/server'
import { startRuntime, type TestRuntime } from '../support/runtime'

describe('host request log', () => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await startRuntime()
  })
  afterAll(() => runtime.close())

  it('names the person by a hash, never by openid, token or the call\'s data', async () => {
    const entries: Record<string, unknown>[] = []
    const auth = devAuth(Buffer.alloc(32, 7), { NODE_ENV: 'test' })
    const server = createHost({ runtime, auth, h5Dir: '/nonexistent', publicUrl: 'http://localhost', uploadsDir: '/nonexistent', log: (entry) => entries.push(entry) })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const openid = 'demo-resident'
    const token = auth.sign(openid, runtime.clock.now())
    const response = await fetch(`http://127.0.0.1:${port}/api/account`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'bind', data: { code: 'ZZZZ9999' } }),
    })
    await response.json()
    await server.state.idle()
    await new Promise((resolve) => server.close(resolve))
    const bind = entries.find((entry) => entry.action === 'bind')
    expect(bind).toMatchObject({ route: 'api', fn: 'account', action: 'bind', who: personHash(openid) })
    expect(bind!.code).not.toBe('ok')
    const text = JSON.stringify(entries)
    for (const secret of [openid, token, 'ZZZZ9999']) expect(text).not.toContain(secret)
  })

  it('allows /metrics to the listed addresses and ranges only', () => {
    const list = allowList('127.0.0.1,::1,10.8.0.0/16')
    expect(allowed(list, '127.0.0.1')).toBe(true)
    expect(allowed(list, '::ffff:127.0.0.1')).toBe(true)
    expect(allowed(list, '::1')).toBe(true)
    expect(allowed(list, '10.8.3.4')).toBe(true)
    expect(allowed(list, '10.9.0.1')).toBe(false)
    expect(allowed(list, '127.0.0.2')).toBe(false)
    expect(allowed(list, undefined)).toBe(false)
    expect(allowed(allowList(), '192.168.1.1')).toBe(false)
    expect(() => allowList('not-an-address')).toThrow()
  })
})
