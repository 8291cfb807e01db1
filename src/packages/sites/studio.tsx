/** A studio's (or 同心汇's) section on its site page: its members, next activities, past ones with attendance. */
import Taro from '@tarojs/taro'
import { Cell, CellGroup } from '@/components/ui'
import { useCall } from '@/hooks/useCall'
import { getStudio } from '@/services/activities'
import { activityUrl as detailUrl, activityWhen as when } from '@/domain/activities'

export default function StudioSection({ siteId }: { siteId: string }) {
  const studio = useCall(siteId, () => getStudio({ siteId }))
  if (!studio.data) return null
  const { members, upcoming, past } = studio.data
  const open = (id: number) => () => Taro.navigateTo({ url: detailUrl(id) })
  return (
    <>
      {members.length > 0 && (
        <CellGroup title='工作室委员'>
          {members.map((m) => <Cell key={m.userId} icon='mine' title={m.name} label={m.sector} />)}
        </CellGroup>
      )}
      {upcoming.length > 0 && (
        <CellGroup title='近期活动'>
          {upcoming.map((a) => <Cell key={a.id} icon='calendar' title={a.title} label={when(a)} arrow onClick={open(a.id)} />)}
        </CellGroup>
      )}
      {past.length > 0 && (
        <CellGroup title='往期活动'>
          {past.map((a) => <Cell key={a.id} icon='check' title={a.title} label={when(a)} value={`签到 ${a.attended} 人`} arrow onClick={open(a.id)} />)}
        </CellGroup>
      )}
    </>
  )
}
