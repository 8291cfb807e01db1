/** 我的履职: a member's points for a year, by kind and by month, and the record behind each point. */
import { useState } from 'react'
import { Empty, Page, Skeleton, Tabs, type TabItem } from '@/components/ui'
import { shanghaiDay } from '@/domain/time'
import { useCall } from '@/hooks/useCall'
import { myDuty } from '@/services/activities'
import { DutyYearView } from '../../duty-view'

const thisYear = Number(shanghaiDay(new Date()).slice(0, 4))
const years: TabItem<string>[] = [0, 1, 2].map((back) => ({ key: String(thisYear - back), label: `${thisYear - back} 年` }))

export default function MyDutyPage() {
  const [year, setYear] = useState(String(thisYear))
  const duty = useCall(year, () => myDuty({ year: Number(year) }))
  return (
    <Page onRefresh={async () => duty.retry()}>
      <Tabs label='年度' items={years} value={year} onChange={setYear} />
      {duty.error && <Empty icon='alert' title={duty.error.message} hint='履职档案仅对政协委员开放' action={{ label: '重试', onClick: duty.retry }} />}
      {!duty.data && !duty.error && <Skeleton count={2} />}
      {duty.data && <DutyYearView year={duty.data} />}
    </Page>
  )
}
