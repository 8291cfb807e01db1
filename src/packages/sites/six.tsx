/** A studio's (or 同心汇's) 六有 on its site page: six badges with the day each was last verified; the files stay private. */
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, CellGroup, Tag } from '@/components/ui'
import { operationsUrl, statusTones } from '@/domain/operations'
import { useCall } from '@/hooks/useCall'
import { getSiteBadges } from '@/services/operations'

export default function SixBadges({ siteId }: { siteId: string }) {
  const six = useCall(siteId, () => getSiteBadges({ siteId }))
  if (!six.data) return null
  return (
    <CellGroup title={`六有阵地建设（${six.data.quarter.replace('-Q', ' 年第 ')} 季度）`}>
      <View className='card' aria-label='六有'>
        {six.data.badges.map((badge) => (
          <View key={badge.dimension} className='muted'>
            <Tag tone={statusTones[badge.status]}>{badge.label} {badge.statusLabel}</Tag>
            {badge.verifiedOn ? ` 核验于 ${badge.verifiedOn}` : ' 尚未核验'}
          </View>
        ))}
      </View>
      <Cell icon='check' title='阵地档案与六有详情' arrow onClick={() => Taro.navigateTo({ url: operationsUrl(siteId) })} />
    </CellGroup>
  )
}
