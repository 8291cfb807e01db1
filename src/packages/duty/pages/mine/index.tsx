/** 我的履职: a member's points for a year, by kind and by month, and the record behind each point. */
import { useState } from 'react'
import { Empty, Page, Skeleton, Tabs, type TabItem } from '@/components/ui'
import { useCall } from '@/hooks/useCall'
import { myDuty } from '@/services/duty'
import { DutyYearView } from '../../duty-view'

const yearTabs = (current: number): TabItem<string>[] => [0, 1, 2].map((back) => ({ key: String(current - back), label: `${current - back} 年` }))

export default function MyDutyPage() {
  // The current year is the server's (Asia/Shanghai), not the phone's: the first call names it.
  const [current, setCurrent] = useState<number>()
  const [year, setYear] = useState<string>()
  const duty = useCall(year ?? 'current', async () => {
    const answer = await myDuty(year ? { year: Number(year) } : {})
    if (!year) setCurrent(answer.year)
    return answer
  })
  return (
    <Page onRefresh={async () => duty.retry()}>
      {current && <Tabs label='年度' items={yearTabs(current)} value={year ?? String(current)} onChange={setYear} />}
      {duty.error && <Empty icon='alert' title={duty.error.message} hint='履职档案仅对政协委员开放' action={{ label: '重试', onClick: duty.retry }} />}
      {!duty.data && !duty.error && <Skeleton count={2} />}
      {duty.data && <DutyYearView year={duty.data} />}
    </Page>
  )
}
