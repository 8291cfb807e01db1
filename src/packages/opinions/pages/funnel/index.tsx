/**
 * 社情民意成果 (staff, editors, auditors): the year's funnel — collected → accepted → in 提案 / 专报 →
 * adopted → endorsed — by category and channel, the report's wording (800余条 / 35件 / 110余篇),
 * every rate beside its denominator, and a CSV for Excel.
 */
import { Picker, View } from '@tarojs/components'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page, PageError, Skeleton } from '@/components/ui'
import { channelLabels, opinionCategories, opinionChannels, type OpinionCategory, type OpinionChannel } from '@/domain/opinions'
import { funnelStageLabels, funnelStages } from '@/domain/opinions/funnel'
import { shanghaiDay } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { asFailure } from '@/hooks/latest'
import { saveText } from '@/services/files'
import { opinionsFunnel } from '@/services/opinions'
import { focusable, picked } from '../../useAct'

const thisYear = Number(shanghaiDay(new Date()).slice(0, 4))
const years = [thisYear, thisYear - 1, thisYear - 2]
const categories = ['全部', ...opinionCategories] as const
const channels = ['全部', ...opinionChannels] as const

export default function FunnelPage() {
  const [year, setYear] = useState(thisYear)
  const [category, setCategory] = useState<OpinionCategory | '全部'>('全部')
  const [channel, setChannel] = useState<OpinionChannel | '全部'>('全部')
  const [error, setError] = useState('')
  const filter = { year, category: category === '全部' ? undefined : category, channel: channel === '全部' ? undefined : channel }
  const funnel = useCall(`funnel-${year}-${category}-${channel}`, () => opinionsFunnel(filter))
  const exportCsv = async () => {
    try {
      const { csv } = await opinionsFunnel({ ...filter, csv: true })
      await saveText(`社情民意成果_${year}.csv`, csv ?? '', 'text/csv;charset=utf-8')
    } catch (e) {
      setError(asFailure(e).message)
    }
  }
  return (
    <Page title='社情民意成果' onRefresh={async () => funnel.retry()} actions={<Button onClick={exportCsv}>导出 CSV</Button>}>
      {error && <Notice tone='error'>{error}</Notice>}
      <CellGroup>
        <Field label='年份'>
          <Picker mode='selector' range={years.map(String)} onChange={(e) => setYear(picked(years)(e))}>
            <View className='ui-input' role='button' aria-label={`年份：${year} 年`}>{year} 年</View>
          </Picker>
        </Field>
        <Field label='类别'>
          <Picker mode='selector' range={[...categories]} onChange={(e) => setCategory(picked(categories)(e))}>
            <View className='ui-input' role='button' aria-label={`类别：${category}`}>{category}</View>
          </Picker>
        </Field>
        <Field label='渠道'>
          <Picker mode='selector' range={channels.map((c) => (c === '全部' ? c : channelLabels[c]))} onChange={(e) => setChannel(picked(channels)(e))}>
            <View className='ui-input' role='button' aria-label={`渠道：${channel === '全部' ? channel : channelLabels[channel]}`}>{channel === '全部' ? channel : channelLabels[channel]}</View>
          </Picker>
        </Field>
      </CellGroup>
      {funnel.error && <PageError error={funnel.error} retry={funnel.retry} />}
      {!funnel.data && !funnel.error && <Skeleton count={4} />}
      {funnel.data && (
        <>
          <View className='ui-card' role='article' aria-label={`${funnel.data.year} 年社情民意成果`} {...focusable}>
            <View role='heading' aria-level={2}>{funnel.data.year} 年：收集意见建议 / 形成提案 / 转化专报 {funnel.data.headline}</View>
          </View>
          <CellGroup title='从收集到批示（条）'>
            {funnelStages.map((stage) => <Cell key={stage} title={funnelStageLabels[stage]} value={String(funnel.data!.stages[stage])} />)}
          </CellGroup>
          <CellGroup title='成果（件、篇）'>
            <Cell title='立案提案' value={`${funnel.data.outputs.proposals} 件`} />
            <Cell title='报送专报' value={`${funnel.data.outputs.reportsSubmitted} 篇`} />
            <Cell title='被采用专报' value={`${funnel.data.outputs.reportsAdopted} 篇`} />
            <Cell title='获领导批示专报' value={`${funnel.data.outputs.reportsEndorsed} 篇`} />
          </CellGroup>
          <CellGroup title='转化率（均列出分子和分母）'>
            {funnel.data.rates.map((rate) => <Cell key={rate.label} title={rate.text} />)}
          </CellGroup>
          <Notice>“余”的写法：100 条以上时，500 以下取到十位、500 以上取到百位，有余数才写“余”（812 → 800余，112 → 110余）。</Notice>
        </>
      )}
    </Page>
  )
}
