/** @jest-environment jsdom */
/*
 * The kit as a person meets it: readable buttons, tappable rows, tabs, empty states, skeletons,
 * icons that exist, and the page frame's elder mode, pull-to-refresh and action bar.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Taro from '@tarojs/taro'
import { ActionBar, Button, Cell, CellGroup, Empty, Field, Icon, Notice, Page, PageError, Skeleton, Stat, StatGrid, Tabs, Tag, useConfirm } from '@/components/ui'
import { iconNames } from '@/components/ui/icon-names'
import { useSession } from '@/stores/session'
import { inAct, render, settle, type Rendered } from '../../support/render'
import { calls, firePageEvent } from '../../support/taro'

describe('Button', () => {
  it('is not marked disabled when enabled (Taro h5 styles any disabled attribute as disabled), and taps', async () => {
    let taps = 0
    const page = await render(<Button kind='plain' disabled={false} onClick={() => taps++}>直接签到</Button>)
    expect(page.container.querySelector('button')!.hasAttribute('disabled')).toBe(false)
    await page.click('button')
    expect(taps).toBe(1)
  })

  it('ignores taps while disabled or loading', async () => {
    let taps = 0
    const page = await render(<><Button disabled onClick={() => taps++}>绑定</Button><Button loading onClick={() => taps++}>签到</Button></>)
    for (const button of page.container.querySelectorAll('button')) button.click()
    expect(page.container.querySelector('button')!.hasAttribute('disabled')).toBe(true)
    expect(taps).toBe(0)
  })
})

describe('Cell and CellGroup', () => {
  it('shows title, line, value and arrow, and is a button only when tappable', async () => {
    let taps = 0
    const page = await render(
      <CellGroup title='联系方式'>
        <Cell icon='phone' title='联系人：李静' label='工作日' value='0531-1234' arrow onClick={() => taps++} />
        <Cell title='地址' />
      </CellGroup>,
    )
    expect(page.container.querySelector('[role=heading]')!.textContent).toBe('联系方式')
    const [tappable, plain] = page.container.querySelectorAll('.ui-cell')
    expect(tappable.textContent).toBe('联系人：李静工作日0531-1234')
    expect(tappable.getAttribute('role')).toBe('button')
    expect(tappable.querySelector('.icon-arrow')).not.toBeNull()
    expect(plain.hasAttribute('role')).toBe(false)
    await page.click('[role=button]')
    expect(taps).toBe(1)
  })
})

describe('Tag', () => {
  it('shows its text in its tone', async () => {
    const page = await render(<Tag tone='success'>已核验位置</Tag>)
    expect(page.container.querySelector('.ui-tag-success')!.textContent).toBe('已核验位置')
  })
})

describe('Tabs', () => {
  it('marks the chosen tab for screen readers and reports a tap', async () => {
    const chosen: string[] = []
    const items = [{ key: 'all', label: '全部' }, { key: 'studio', label: '委员工作室' }] as const
    const page = await render(<Tabs label='联盟点类型' items={items} value='all' onChange={(k) => chosen.push(k)} />)
    expect(page.container.querySelector('[role=tablist]')!.getAttribute('aria-label')).toBe('联盟点类型')
    const tabs = [...page.container.querySelectorAll('[role=tab]')]
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false'])
    expect(tabs[0].className).toContain('ui-tab-on')
    ;(tabs[1] as HTMLElement).click()
    expect(chosen).toEqual(['studio'])
  })
})

describe('Empty', () => {
  it('says what happened and what to do next, with an action', async () => {
    let retried = 0
    const page = await render(<Empty title='网络连接失败' hint='请检查网络后重试' action={{ label: '重试', onClick: () => retried++ }} />)
    expect(page.text()).toContain('网络连接失败请检查网络后重试')
    await page.click('button')
    expect(retried).toBe(1)
  })
})

describe('PageError', () => {
  it('says a missing thing as it is, with no retry, and goes home when nothing is behind', async () => {
    calls.length = 0
    const page = await render(<PageError error={{ code: 'not_found', message: '未找到该议题' }} retry={() => undefined} />)
    expect(page.text()).toBe('未找到该议题回到首页')
    await page.click('button')
    expect(calls).toContainEqual({ api: 'switchTab', arg: { url: '/pages/index/index' } })
  })

  it('offers 重试 for a failure that may pass, and goes back when a page is behind', async () => {
    calls.length = 0
    const pages = Taro.getCurrentPages
    Taro.getCurrentPages = (() => [{}, {}]) as unknown as typeof Taro.getCurrentPages
    try {
      let retried = 0
      const page = await render(<PageError error={{ code: 'network', message: '网络连接失败' }} retry={() => retried++} />)
      expect(page.text()).toBe('网络连接失败请稍后再试重试返回上一页')
      const [retry, back] = page.container.querySelectorAll('button')
      retry.click()
      back.click()
      expect(retried).toBe(1)
      expect(calls.map((call) => call.api)).toContain('navigateBack')
    } finally {
      Taro.getCurrentPages = pages
    }
  })
})

describe('Skeleton', () => {
  it('tells screen readers it is loading, in the asked shape and count', async () => {
    const page = await render(<Skeleton shape='list' count={4} />)
    const status = page.container.querySelector('[role=status]')!
    expect(status.getAttribute('aria-label')).toBe('正在加载')
    expect(status.className).toContain('ui-skeleton-list')
    expect(status.querySelectorAll('.ui-skeleton-item')).toHaveLength(4)
  })
})

describe('Icon', () => {
  it('is hidden from screen readers, and every icon name has its inlined mask (no network)', async () => {
    const page = await render(<Icon name='search' />)
    expect(page.container.querySelector('.icon-search')!.getAttribute('aria-hidden')).toBe('true')
    const css = readFileSync(join(__dirname, '../../../src/components/ui/icons.css'), 'utf8')
    for (const name of iconNames) expect(css).toMatch(new RegExp(`\\.icon-${name} \\{ --icon: url\\("data:image/svg\\+xml;base64,`))
    expect(css).not.toMatch(/https?:/)
  })
})

describe('Field and Notice', () => {
  it('labels a field with a hint; an error notice is announced as an alert', async () => {
    const page = await render(<><Field label='姓名' hint='与身份证一致'><input /></Field><Notice tone='error'>绑定码无效</Notice></>)
    expect(page.container.querySelector('.ui-form-label')!.textContent).toBe('姓名')
    expect(page.container.querySelector('.ui-form-hint')!.textContent).toBe('与身份证一致')
    expect(page.container.querySelector('[role=alert]')!.textContent).toBe('绑定码无效')
  })
})

describe('Page and ActionBar', () => {
  afterEach(() => useSession.setState({ elder: false }))

  it('scales everything in elder mode, sets the title and puts actions in the bottom bar', async () => {
    useSession.setState({ elder: true })
    calls.length = 0
    const page = await render(<Page title='区图书馆' actions={<Button>到场签到</Button>}>内容</Page>)
    expect(page.container.querySelector('.ui-page')!.className).toContain('elder')
    expect(page.container.querySelector('.ui-action-bar')!.textContent).toBe('到场签到')
    expect(calls).toContainEqual({ api: 'setNavigationBarTitle', arg: { title: '区图书馆' } })
    page.unmount()
  })

  it('refreshes on pull-down and then stops the native spinner', async () => {
    let refreshed = 0
    calls.length = 0
    const page = await render(<Page onRefresh={async () => void refreshed++}>内容</Page>)
    await inAct(() => firePageEvent('pullDownRefresh'))
    await settle()
    expect(refreshed).toBe(1)
    expect(calls.map((c) => c.api)).toContain('stopPullDownRefresh')
    page.unmount()
  })

  it('renders a bar of its own for any page that needs one', async () => {
    const page = await render(<ActionBar><Button>签到</Button></ActionBar>)
    expect(page.container.querySelector('.ui-action-bar button')!.textContent).toBe('签到')
  })
})

describe('useConfirm', () => {
  function Withdraw({ onWithdraw }: { onWithdraw(): void }) {
    const [confirm, confirmDialog] = useConfirm()
    const tap = async () => {
      if (await confirm({ title: '撤回这条通知？', content: '撤回后，收件人将不再看到这条通知。' })) onWithdraw()
    }
    return <Page><Button onClick={tap}>撤回</Button>{confirmDialog}</Page>
  }
  const buttonNamed = (page: Rendered, text: string) => [...page.container.querySelectorAll('button')].find((b) => b.textContent === text)!

  it('asks in a labelled alertdialog; 取消 does nothing, 确定 acts once and closes', async () => {
    let withdrawn = 0
    const page = await render(<Withdraw onWithdraw={() => withdrawn++} />)
    await inAct(() => buttonNamed(page, '撤回').click())
    const dialog = page.container.querySelector('[role=alertdialog]')!
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(page.container.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!.textContent).toBe('撤回这条通知？')
    expect(page.container.querySelector(`#${dialog.getAttribute('aria-describedby')}`)!.textContent).toContain('收件人将不再看到')
    await inAct(() => buttonNamed(page, '取消').click())
    await settle()
    expect(page.container.querySelector('[role=alertdialog]')).toBeNull()
    expect(withdrawn).toBe(0)

    await inAct(() => buttonNamed(page, '撤回').click())
    const yes = buttonNamed(page, '确定')
    await inAct(() => yes.click())
    await inAct(() => yes.click())
    await settle()
    expect(page.container.querySelector('[role=alertdialog]')).toBeNull()
    expect(withdrawn).toBe(1)
    page.unmount()
  })
})

describe('Stat and StatGrid', () => {
  it('reads as one button per count, saying what it counts and what it opens; — while counting', async () => {
    let taps = 0
    const page = await render(
      <StatGrid title='工作台'>
        <Stat label='待签收' count='3' opens='交办事项' onClick={() => taps++} />
        <Stat label='逾期' alarm count='100+' opens='交办事项' onClick={() => taps++} />
        <Stat label='今日活动' opens='今日活动' onClick={() => taps++} />
      </StatGrid>,
    )
    expect(page.container.querySelector('[role=region]')!.getAttribute('aria-label')).toBe('工作台')
    const buttons = [...page.container.querySelectorAll('[role=button]')]
    // Named by their text (nothing visible is left out of the name): what, how many, what a tap opens.
    expect(buttons.map((b) => b.textContent)).toEqual(['待签收3项，打开交办事项', '逾期100+项，打开交办事项', '今日活动—正在统计，打开今日活动'])
    expect(buttons[2].querySelector('.ui-stat-count')!.getAttribute('aria-hidden')).toBe('true')
    expect(buttons[1].className).toContain('ui-stat-alarm')
    await inAct(() => (buttons[0] as HTMLElement).click())
    expect(taps).toBe(1)
  })
})
