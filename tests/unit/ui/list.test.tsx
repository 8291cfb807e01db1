/** @jest-environment jsdom */
/*
 * The list pattern and the call hook as a person meets them: a skeleton, then items; more at the
 * bottom; "没有更多了" at the end; an empty state that says what to do; a failure with a retry; and
 * an older answer (a slow search) never shown over a newer one.
 */
import { useCall } from '@/hooks/useCall'
import type { Page as PageOf } from '@/domain/page'
import { useList } from '@/hooks/useList'
import { List } from '@/components/ui'
import { CallFailure } from '@/services/call'
import { inAct, render, settle } from '../../support/render'
import { firePageEvent } from '../../support/taro'

type Site = { id: string; name: string }

/** A fake server whose answers the test releases one by one, in any order. */
function server() {
  const pending: { cursor?: string; resolve(page: PageOf<Site>): void; reject(e: unknown): void }[] = []
  return {
    pending,
    fetch: (cursor?: string) => new Promise<PageOf<Site>>((resolve, reject) => pending.push({ cursor, resolve, reject })),
  }
}

function Directory({ query, fetch }: { query: string; fetch: (q: string, cursor?: string) => Promise<PageOf<Site>> }) {
  const list = useList(query, (cursor) => fetch(query, cursor))
  return (
    <List list={list} empty={{ title: '没有找到符合条件的联盟点', hint: '换个关键词试试' }}>
      {(items) => items.map((s) => <div key={s.id} className='site'>{s.name}</div>)}
    </List>
  )
}

const sites = (...names: string[]) => names.map((name) => ({ id: name, name }))

describe('the list pattern (useList + List)', () => {
  it('shows a skeleton, then the first page, loads the next at the bottom, and ends with 没有更多了', async () => {
    const s = server()
    const page = await render(<Directory query='' fetch={(_, cursor) => s.fetch(cursor)} />)
    expect(page.container.querySelector('[aria-label=正在加载]')).not.toBeNull()

    s.pending[0].resolve({ items: sites('区图书馆', '运河文化博物馆'), next: 'c1' })
    await settle()
    expect(page.text()).toBe('区图书馆运河文化博物馆')

    await inAct(() => {
      firePageEvent('reachBottom')
      firePageEvent('reachBottom') // a second scroll while loading asks nothing more
    })
    await settle()
    expect(s.pending.map((p) => p.cursor)).toEqual([undefined, 'c1'])
    expect(page.text()).toContain('正在加载…')

    s.pending[1].resolve({ items: sites('新华街道'), next: null })
    await settle()
    expect(page.text()).toBe('区图书馆运河文化博物馆新华街道没有更多了')
    await inAct(() => firePageEvent('reachBottom'))
    expect(s.pending).toHaveLength(2)
    page.unmount()
  })

  it('says what to do when there is nothing', async () => {
    const page = await render(<Directory query='火星' fetch={async () => ({ items: [], next: null })} />)
    await settle()
    expect(page.text()).toContain('没有找到符合条件的联盟点换个关键词试试')
    page.unmount()
  })

  it('shows the envelope\'s Chinese message with a retry that asks again', async () => {
    let asked = 0
    const fetch = async () => {
      if (asked++ === 0) throw new CallFailure({ code: 'network', message: '网络连接失败，请检查网络后重试' })
      return { items: sites('区图书馆'), next: null }
    }
    const page = await render(<Directory query='' fetch={fetch} />)
    await settle()
    expect(page.text()).toContain('网络连接失败，请检查网络后重试')
    await page.click('button')
    await settle()
    expect(page.text()).toBe('区图书馆没有更多了')
    page.unmount()
  })

  it('drops an older search\'s answer that arrives after the newer one', async () => {
    const s = server()
    const fetch = (q: string) => s.fetch(q)
    const page = await render(<Directory query='图' fetch={fetch} />)
    await page.rerender(<Directory query='图书馆' fetch={fetch} />)
    s.pending[1].resolve({ items: sites('区图书馆'), next: null })
    await settle()
    s.pending[0].resolve({ items: sites('区图书馆', '地图馆'), next: null })
    await settle()
    expect(page.text()).toBe('区图书馆没有更多了')
    page.unmount()
  })
})

function SiteName({ id, get }: { id: string | null; get: (id: string) => Promise<string> }) {
  const site = useCall(id, () => get(id!))
  if (site.error) return <button onClick={site.retry}>{site.error.message}</button>
  return <span>{site.loading ? '加载中' : site.data}</span>
}

describe('useCall', () => {
  it('waits for a key, then shows the answer to the newest key only', async () => {
    const answers: Record<string, (name: string) => void> = {}
    const get = (id: string) => new Promise<string>((resolve) => (answers[id] = resolve))
    const page = await render(<SiteName id={null} get={get} />)
    expect(Object.keys(answers)).toEqual([])
    await page.rerender(<SiteName id='F01' get={get} />)
    await page.rerender(<SiteName id='F02' get={get} />)
    answers.F02('运河文化博物馆')
    await settle()
    answers.F01('区图书馆')
    await settle()
    expect(page.text()).toBe('运河文化博物馆')
    page.unmount()
  })

  it('turns an unexpected throw into the standard message, and retries', async () => {
    let asked = 0
    const get = async () => {
      if (asked++ === 0) throw new TypeError('boom')
      return '区图书馆'
    }
    const page = await render(<SiteName id='F01' get={get} />)
    await settle()
    expect(page.text()).toBe('服务暂时不可用，请稍后再试')
    await page.click('button')
    await settle()
    expect(page.text()).toBe('区图书馆')
    page.unmount()
  })
})
