/**
 * 绑定签到卡: a resident's printed card opens this page (its QR's `scene` is the card's code). With
 * their own WeChat they bind it: the check-ins the desk made for them join their account, each
 * shown as 由××工作人员代为签到 under 我的签到, and nothing is counted twice.
 */
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Empty, Notice, Page } from '@/components/ui'
import { cardCodeOf } from '@/domain/operations'
import { asFailure } from '@/hooks/latest'
import { claimCard } from '@/services/checkin'

export default function CardPage() {
  const [card, setCard] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<number>()
  const [error, setError] = useState<string>()
  useLoad((params) => setCard(cardCodeOf(String(params.scene ?? ''))))

  const bind = async () => {
    setBusy(true)
    setError(undefined)
    try {
      setDone((await claimCard({ card })).checkins)
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  if (!card) return <Page><Empty icon='qrcode' title='请用微信扫描签到卡上的二维码' hint='签到卡由联盟点服务台制作' /></Page>
  return (
    <Page title='绑定签到卡' actions={done === undefined ? <Button loading={busy} onClick={bind}>绑定到我的微信</Button> : undefined}>
      <Notice>绑定后，工作人员在服务台为您代为签到的记录将归入您的账户，在“我的签到”中可以看到。</Notice>
      {error && <Notice tone='error'>{error}</Notice>}
      {done !== undefined && (
        <Empty icon='check' title='绑定成功' hint={`已归入 ${done} 条代为签到记录`}
          action={{ label: '查看我的签到', onClick: () => Taro.switchTab({ url: '/pages/mine/index' }) }} />
      )}
    </Page>
  )
}
