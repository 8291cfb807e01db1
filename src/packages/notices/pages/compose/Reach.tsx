/**
 * Before sending: how many people the chosen audience reaches now (将发送给 N 人), asked of the
 * function's read-only `reach` once the choice has settled; 0 is a warning, since such a notice
 * would reach nobody.
 */
import { Notice } from '@/components/ui'
import type { AudiencePart } from '@/domain/notices'
import { useCall } from '@/hooks/useCall'
import { useDebounced } from '@/hooks/useDebounced'
import { noticeReach } from '@/services/notices'

const SETTLE_MS = 300

export function Reach({ audience, ready }: { audience: AudiencePart; ready: boolean }) {
  const key = useDebounced(ready ? JSON.stringify(audience) : null, SETTLE_MS)
  const reach = useCall(key, () => noticeReach({ audience: [JSON.parse(key!) as AudiencePart] }))
  if (!key || reach.error) return reach.error ? <Notice tone='error'>{reach.error.message}</Notice> : null
  if (!reach.data) return <Notice>正在计算发送人数…</Notice>
  const { people } = reach.data
  return people > 0
    ? <Notice tone='success'>将发送给 {people} 人</Notice>
    : <Notice tone='error'>将发送给 0 人：所选对象目前没有任何人，发送后没有人会收到。请换一个发送对象。</Notice>
}
