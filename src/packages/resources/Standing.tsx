/** The booker's standing, where they book and on 我的预约: a running suspension, or a warning after a no-show. */
import { Notice } from '@/components/ui'
import { NO_SHOW_LIMIT, NO_SHOW_WINDOW_DAYS, SUSPENSION_DAYS, type Standing } from '@/domain/resources/attendance'
import { shanghaiDateTime } from '@/domain/time'

export function StandingNotice({ standing }: { standing?: Standing }) {
  if (!standing) return null
  if (standing.suspendedUntil) {
    return (
      <Notice tone='error'>
        {`预约功能已暂停至 ${shanghaiDateTime(standing.suspendedUntil)}：${NO_SHOW_WINDOW_DAYS} 天内 ${NO_SHOW_LIMIT} 次预约未到场。如有特殊情况，请联系工作人员。`}
      </Notice>
    )
  }
  if (standing.noShows === 0) return null
  return <Notice tone='info'>{`${NO_SHOW_WINDOW_DAYS} 天内已有 ${standing.noShows} 次预约未到场，满 ${NO_SHOW_LIMIT} 次将暂停预约 ${SUSPENSION_DAYS} 天。`}</Notice>
}
