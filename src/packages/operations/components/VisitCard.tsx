/** One quarter's visit: its steps, the desk review's automatic checks, the activities drawn (with the seed) and the verdicts. */
import { View } from '@tarojs/components'
import { Cell, CellGroup, Steps, Tag } from '@/components/ui'
import { archivePartLabels, dimensionLabels, statusLabels, statusTones, verdictLabels, visitStages, type ArchivePart, type Visit } from '@/domain/operations'

const steps = ['自评', '书面审核', '现场观摩', '整改复核', '完成']
const stepOf = (visit: Visit) => (visit.stage === 'closed' ? 4 : visitStages.indexOf(visit.stage) + 1)
const tone = { met: 'success', rectify: 'warning', failed: 'muted' } as const

export function VisitCard({ visit }: { visit: Visit }) {
  return (
    <>
      <CellGroup title={`${visit.quarter} ${visit.siteName}`}>
        <Steps steps={steps} current={stepOf(visit)} label='观摩进度' />
        {visit.failed !== null && <Cell icon={visit.failed ? 'alert' : 'check'} title='观摩结论' value={visit.failed ? '不达标' : '达标'} />}
        {visit.dueOn && visit.stage === 'rectifying' && <Cell icon='clock' title='整改期限' value={visit.dueOn} label='15 个工作日内完成整改，之后复核' />}
      </CellGroup>
      {visit.automatic.length > 0 && (
        <CellGroup title='书面审核：系统核验'>
          {visit.automatic.map((a) => (
            <Cell key={a.dimension} title={<>{dimensionLabels[a.dimension]} <Tag tone={statusTones[a.status]}>{statusLabels[a.status]}</Tag></>} label={a.reason || undefined} />
          ))}
          {visit.deskNote && <View className='muted' style={{ padding: '0.5em 1em' }}>审核意见：{visit.deskNote}</View>}
        </CellGroup>
      )}
      {visit.stage !== 'self_assessed' && (
        <CellGroup title='抽查活动'>
          {visit.sampled.length === 0 && <Cell title='本季度无已开展的活动可抽查' />}
          {visit.sampled.map((s) => (
            <Cell key={s.activityId} icon='calendar' title={s.title || `活动 ${s.activityId}`}
              label={`签到 ${s.signins} 人；${s.parts.length ? s.parts.map((p) => archivePartLabels[p as ArchivePart] ?? p).join('、') : '无档案材料'}`} />
          ))}
          <View className='muted' style={{ padding: '0.5em 1em' }}>抽取依据：种子“{visit.seed}”，按联盟点和季度确定，任何人可复算。</View>
        </CellGroup>
      )}
      {[['现场观摩', visit.items], ['整改复核', visit.review]].map(([title, items]) => (items as Visit['items']).length > 0 && (
        <CellGroup key={title as string} title={title as string}>
          {(items as Visit['items']).map((item) => (
            <Cell key={item.dimension} title={<>{dimensionLabels[item.dimension]} <Tag tone={tone[item.verdict]}>{verdictLabels[item.verdict]}</Tag></>}
              label={[item.note, item.dueOn ? `整改期限 ${item.dueOn}` : ''].filter(Boolean).join('；') || undefined} />
          ))}
        </CellGroup>
      ))}
    </>
  )
}
