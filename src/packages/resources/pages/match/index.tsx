/**
 * 高效匹配: describe the plan (tags, 界别, how many people, from which day, how long a window) and
 * see the resources that fit best, each with why ("可容纳 60 人 · 周六有空 · 距离 1.2 km").
 */
import { Input, Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Empty, Field, Notice, Page, Tag } from '@/components/ui'
import { resourceKindLabels } from '@/domain/resources'
import type { MatchResult } from '@/domain/resources/match'
import { dayHeading, shanghaiDay } from '@/domain/time'
import { asFailure } from '@/hooks/latest'
import { matchResources } from '@/services/resources'
import { detailUrl } from '../../labels'

const windows = [3, 7, 14]
const split = (text: string) => text.split(/[,，、\s]+/).map((t) => t.trim()).filter(Boolean)

export default function MatchPage() {
  // No day picked: the server's today (a phone's clock may be off).
  const [form, setForm] = useState({ tags: '', sectors: '', audience: '', from: '' })
  const [days, setDays] = useState(7)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [items, setItems] = useState<MatchResult[]>()
  const set = (name: keyof typeof form) => (e: { detail: { value: string | number } }) => setForm((f) => ({ ...f, [name]: String(e.detail.value) }))
  const terms = [...split(form.tags), ...split(form.sectors)]
  const fromLabel = form.from ? dayHeading(form.from) : '今天'

  const search = async () => {
    setBusy(true)
    setError('')
    try {
      const audience = form.audience ? Number(form.audience) : undefined
      const found = await matchResources({ tags: split(form.tags), sectors: split(form.sectors), from: form.from || undefined, days, audience })
      setItems(found.items)
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Page title='高效匹配' actions={
      <Button loading={busy} disabled={!terms.length} why={terms.length ? undefined : '请至少填写一个标签或界别'} onClick={search}>匹配资源</Button>
    }>
      <Field label='活动主题标签' hint='用逗号或空格分开，例如：协商沙龙 讲座'>
        <Input className='ui-input' value={form.tags} maxlength={100} placeholder='例如：协商沙龙' onInput={set('tags')} nativeProps={{ 'aria-label': '活动主题标签' }} />
      </Field>
      <Field label='界别（选填）'>
        <Input className='ui-input' value={form.sectors} maxlength={100} placeholder='例如：社会法制界' onInput={set('sectors')} nativeProps={{ 'aria-label': '界别' }} />
      </Field>
      <Field label='参加人数（选填）'>
        <Input className='ui-input' type='number' value={form.audience} maxlength={5} placeholder='例如：60' onInput={set('audience')} nativeProps={{ 'aria-label': '参加人数' }} />
      </Field>
      <Field label='从哪天起'>
        <Picker mode='date' value={form.from || shanghaiDay(new Date())} onChange={set('from')}>
          <View className='ui-input' aria-label={`从哪天起：${fromLabel}`}>{fromLabel}</View>
        </Picker>
      </Field>
      <Field label='在几天内'>
        <Picker mode='selector' range={windows.map((d) => `${d} 天`)} value={windows.indexOf(days)} onChange={(e) => setDays(windows[Number(e.detail.value)])}>
          <View className='ui-input' aria-label={`在几天内：${days} 天`}>{days} 天</View>
        </Picker>
      </Field>
      {error && <Notice tone='error'>{error}</Notice>}
      {items && (items.length === 0
        ? <Empty icon='search' title='没有找到合适的资源' hint='换几个标签，或放宽日期范围试试' />
        : (
          <CellGroup title={`为您推荐 ${items.length} 项`}>
            {items.map((r, i) => (
              <Cell key={r.id} icon={r.kind === 'venue' ? 'location' : 'mine'} title={`${i + 1}. ${r.name}`} arrow
                label={`${r.siteName} · ${r.reasons.join(' · ')}`} value={<Tag>{resourceKindLabels[r.kind]}</Tag>}
                onClick={() => Taro.navigateTo({ url: detailUrl(r.id) })} />
            ))}
          </CellGroup>
        ))}
    </Page>
  )
}
