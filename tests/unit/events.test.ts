/**
 * Domain events are wired once: each event is published by the one feature whose manifest says
 * so, only from that feature's code, and every event has a reaction that reaches every deployed
 * function (cloudfunctions/reactions.ts). Messages are the notices feature's alone: no other
 * feature imports its outbox.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { features } from '../../cloudfunctions/features'
import { reactions } from '../../cloudfunctions/reactions'

const FUNCTIONS = join(__dirname, '../../cloudfunctions')
const filesOf = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesOf(path) : name.endsWith('.ts') && !/demo/.test(name) ? [path] : []
  })

/** `publish({ type: 'x.y', … })` however the call is spread over lines. */
const PUBLISHED = /publish\(\{\s*type: '([a-z_.]+)'/g

describe('domain events', () => {
  const declared = features.flatMap((feature) => (feature.publishes ?? []).map((type) => `${feature.definition.name} ${type}`))

  it('are published only by the feature whose manifest lists them', () => {
    const found = new Set<string>()
    for (const folder of readdirSync(FUNCTIONS).filter((name) => statSync(join(FUNCTIONS, name)).isDirectory())) {
      for (const path of filesOf(join(FUNCTIONS, folder))) {
        for (const match of readFileSync(path, 'utf8').matchAll(PUBLISHED)) found.add(`${folder} ${match[1]}`)
      }
    }
    expect([...found].sort()).toEqual([...declared].sort())
    const types = declared.map((entry) => entry.split(' ')[1])
    expect(types.length).toBe(new Set(types).size)
  })

  it('each have a reaction, and only the notices feature writes messages', () => {
    const reacted = reactions.flatMap((list) => Object.keys(list)).sort()
    expect(reacted).toEqual(declared.map((entry) => entry.split(' ')[1]).sort())
    const outboxUsers = readdirSync(FUNCTIONS)
      .filter((name) => statSync(join(FUNCTIONS, name)).isDirectory() && name !== 'notices')
      .flatMap((folder) => filesOf(join(FUNCTIONS, folder)).filter((path) => /notices\/outbox'/.test(readFileSync(path, 'utf8'))))
    expect(outboxUsers.map((path) => relative(FUNCTIONS, path))).toEqual([])
  })
})
