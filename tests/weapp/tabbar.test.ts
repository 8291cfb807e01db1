/**
 * The tab bar in dist/weapp: WeChat draws our custom-tab-bar component (elder mode reaches it), and
 * app.json's list still names every tab with both icons, within WeChat's limits.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../support/host'

const WEAPP = join(ROOT, 'dist/weapp')
/** WeChat's limit for a tab bar icon; 81×81 is its recommended size. */
const MAX_ICON_BYTES = 40 * 1024

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file)
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('tab bar icons (dist/weapp)', () => {
  const { tabBar } = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8'))

  it('is custom: WeChat renders the custom-tab-bar component, which shows the same icons', () => {
    expect(tabBar.custom).toBe(true)
    const bar = join(WEAPP, 'custom-tab-bar/index')
    for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(existsSync(`${bar}.${ext}`)).toBe(true)
    expect(JSON.parse(readFileSync(`${bar}.json`, 'utf8')).component).toBe(true)
    const script = readFileSync(`${bar}.js`, 'utf8')
    expect(script).toContain('"custom-tab-bar/index"')
    expect(script).toContain('/assets/tabbar/')
    expect(readFileSync(`${bar}.wxss`, 'utf8')).toMatch(/\.tab-bar-elder \.tab-bar-label\{font-size:15PX/)
  })
  const icons: string[] = tabBar.list.flatMap((tab: { iconPath: string; selectedIconPath: string }) => [tab.iconPath, tab.selectedIconPath])

  it('gives every tab both icons', () => {
    expect(icons.every(Boolean)).toBe(true)
    expect(new Set(icons).size).toBe(2 * tabBar.list.length)
  })

  it.each(icons)('%s is an 81×81 PNG within 40 KB', (icon) => {
    expect(pngSize(join(WEAPP, icon))).toEqual([81, 81])
    expect(statSync(join(WEAPP, icon)).size).toBeLessThanOrEqual(MAX_ICON_BYTES)
  })
})
