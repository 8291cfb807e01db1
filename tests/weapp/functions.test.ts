/** The deployable cloud functions as built: what WeChat uploads must carry its own config, triggers and migrations. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { migrationFiles } from '../../cloudfunctions/core/migrations'
import { ROOT } from '../support/host'

const DIST = join(ROOT, 'dist/cloudfunctions')
const read = (fn: string, file: string) => readFileSync(join(DIST, fn, file), 'utf8')

describe('built cloud functions (dist/cloudfunctions)', () => {
  const functions = readdirSync(DIST).sort()

  it('builds every function, each with only wx-server-sdk to install', () => {
    expect(functions).toEqual(['account', 'activities', 'admin', 'assessment', 'checkin', 'duty', 'feedback', 'notices', 'operations', 'opinions', 'resources', 'sites', 'topics', 'votes'])
    for (const fn of functions) expect(Object.keys(JSON.parse(read(fn, 'package.json')).dependencies)).toEqual(['wx-server-sdk'])
  })

  it('grants each function exactly the openapi it declares, and gives a function with jobs its one timer trigger', () => {
    for (const fn of functions) {
      const { definition } = require(join(DIST, fn, 'index.js'))
      const config = JSON.parse(read(fn, 'config.json'))
      expect(config.permissions.openapi).toEqual(definition.openapi)
      const jobs = Object.keys(definition.jobs)
      expect(config.triggers ?? []).toHaveLength(jobs.length ? 1 : 0)
      if (jobs.length) expect(config.triggers[0]).toMatchObject({ name: 'jobs', type: 'timer', config: expect.stringMatching(/^0 \S+ \S+ \* \* \* \*$/) })
    }
    expect(JSON.parse(read('notices', 'config.json'))).toMatchObject({ permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck'] }, triggers: [{ config: '0 */1 * * * * *' }] })
    expect(JSON.parse(read('checkin', 'config.json')).triggers[0].config).toBe('0 0 0 * * * *')
  })

  it('carries every migration in each bundle (gzipped), so a cold start can set up its database', () => {
    const expected = migrationFiles.map((file) => file.file)
    for (const fn of functions) {
      const packed = /Buffer\.from\("([A-Za-z0-9+/=]{100,})", ?"base64"\)/.exec(read(fn, 'index.js'))?.[1]
      expect([fn, packed !== undefined]).toEqual([fn, true])
      const carried: { file: string; sql: string }[] = JSON.parse(gunzipSync(Buffer.from(packed!, 'base64')).toString('utf8'))
      expect(carried.map((file) => file.file)).toEqual(expected)
      expect(carried.map((file) => file.sql)).toEqual(migrationFiles.map((file) => file.sql))
    }
  })
})
