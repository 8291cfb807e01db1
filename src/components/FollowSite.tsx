/**
 * Following a site: its followers get the site's notices. Following also asks WeChat for one
 * notice authorisation (from the tap itself, as WeChat requires), so the next one arrives as a
 * service message too.
 */
import { useState } from 'react'
import { Button, Cell } from '@/components/ui'
import { useCall } from '@/hooks/useCall'
import { asFailure } from '@/hooks/latest'
import { askToSubscribe, followSite, siteFollowState } from '@/services/notices'

export function FollowSite({ siteId, offer }: { siteId: string; offer?: boolean }) {
  const state = useCall(`follow-${siteId}`, () => siteFollowState({ siteId }))
  const [error, setError] = useState('')
  const following = state.data?.following ?? false
  const toggle = async () => {
    const asked = following ? Promise.resolve(0) : askToSubscribe(['notice']).catch(() => 0)
    try {
      await followSite({ siteId, follow: !following })
      await asked
      state.retry()
    } catch (e) {
      setError(asFailure(e).message)
    }
  }
  if (!state.data || (offer && following)) return null
  const label = error || `${state.data.followers} 人关注，关注后可收到本联盟点的通知`
  return (
    <Cell icon='alert' title={following ? '已关注本联盟点' : '关注本联盟点'} label={label}
      value={<Button kind={following ? 'plain' : 'primary'} onClick={toggle}>{following ? '取消关注' : '关注'}</Button>} />
  )
}
