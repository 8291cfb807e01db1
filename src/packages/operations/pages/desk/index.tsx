/**
 * 代为签到: the desk kiosk (a tablet at the site, always in elder mode) where the site's admin checks
 * in a resident who has no phone — by their printed card, or by name, birth year and the last 4
 * characters of the ID card, never the whole number (operations.assist) — and prints a resident's
 * card (operations.issueCard). The check-in counts for participation, marked as assisted.
 */
import { Image, Input, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Field, Notice, Page, Tabs } from '@/components/ui'
import { cardCodeOf, type DeskCard } from '@/domain/operations'
import { asFailure } from '@/hooks/latest'
import { assistCheckin, issueDeskCard } from '@/services/operations'
import { useSession } from '@/stores/session'
import { emptyIdentity, IdentityFields, identityOf, identityProblem } from '../../components/IdentityFields'

type Mode = 'card' | 'identity' | 'print'
const modes = [{ key: 'card', label: '刷卡签到' }, { key: 'identity', label: '身份信息签到' }, { key: 'print', label: '制作签到卡' }] as const
const canScan = process.env.TARO_ENV === 'weapp'

export default function DeskPage() {
  const [siteId, setSiteId] = useState('')
  const [mode, setMode] = useState<Mode>('card')
  const [card, setCard] = useState('')
  const [form, setForm] = useState(emptyIdentity)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string>()
  const [error, setError] = useState<string>()
  const [printed, setPrinted] = useState<DeskCard>()
  const setElder = useSession((s) => s.setElder)
  useLoad((params) => setSiteId(String(params.id ?? '')))
  // The kiosk shows in elder mode, and gives the device back as it found it.
  useEffect(() => {
    const before = useSession.getState().elder
    setElder(true)
    return () => setElder(before)
  }, [setElder])

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      await work()
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }
  const checkIn = (data: { card: string } | ReturnType<typeof identityOf>, who: string) => run(async () => {
    const record = await assistCheckin({ siteId, ...data })
    setDone(`${who}签到成功（${record.label}）`)
    setCard('')
    setForm(emptyIdentity)
  })
  const scan = async () => {
    try {
      const result = await Taro.scanCode({ onlyFromCamera: true })
      await checkIn({ card: cardCodeOf(result.path || result.result) }, '')
    } catch {
      setError('未能识别签到卡，请重试或改用身份信息签到')
    }
  }
  const print = () => run(async () => setPrinted(await issueDeskCard({ siteId, ...identityOf(form) })))

  const problem = mode === 'card' ? (card.trim() ? undefined : '请刷卡或输入签到卡编码') : identityProblem(form)
  const action = mode === 'print'
    ? <Button loading={busy} disabled={!!problem} why={problem} onClick={print}>制作签到卡</Button>
    : <Button loading={busy} disabled={!!problem} why={problem} onClick={() => (mode === 'card' ? checkIn({ card: cardCodeOf(card) }, '') : checkIn(identityOf(form), form.name.trim()))}>确认签到</Button>
  return (
    <Page title='代为签到' actions={action}>
      <Notice>为没有智能手机的居民代为签到。只需身份证号后 4 位，请勿输入完整号码。每位工作人员每天最多代为签到 60 人，同一居民每天只能签到一次。</Notice>
      <Tabs items={modes} value={mode} onChange={(key) => { setMode(key); setError(undefined); setDone(undefined) }} label='签到方式' />
      {done && <Notice tone='success'>{done}</Notice>}
      {error && <Notice tone='error'>{error}</Notice>}
      {mode === 'card' && (
        <>
          {canScan && <Button kind='plain' onClick={scan}>扫描签到卡</Button>}
          <Field label='签到卡编码' hint='用扫码枪刷卡，或输入卡上二维码下方的编码'>
            <Input className='ui-input' value={card} maxlength={64} onInput={(e) => setCard(e.detail.value)} nativeProps={{ 'aria-label': '签到卡编码' }} />
          </Field>
        </>
      )}
      {mode !== 'card' && <IdentityFields form={form} onChange={setForm} />}
      {mode === 'print' && printed && (
        <View className='card' aria-label={`${printed.printedName}的签到卡`}>
          <View className='title'>协商联盟 · 居民签到卡</View>
          <View>{printed.printedName}</View>
          <Image src={printed.image} mode='aspectFit' style={{ width: '240px', height: '240px' }} nativeProps={{ alt: '签到卡二维码' }} />
          <View className='muted'>编码：{printed.code}</View>
          <View className='muted'>凭此卡到联盟点服务台签到；有微信后扫码即可绑定本人账户，以往签到记录一并归入。原卡作废后补办新卡。</View>
        </View>
      )}
    </Page>
  )
}
