/**
 * 我有建议: a suggestion for a site or the district — title, category, content with counters; the
 * contact consent and phone optional. A site admin may enter what was said on someone's behalf.
 * Lengths checked as the function will (the shared limits); similar suggestions shown after sending.
 */
import { Input, Picker, Switch, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Field, Notice, Page, problemsOf, whyNotReady } from '@/components/ui'
import { lengthProblem } from '@/domain/limits'
import { CONTENT_LIMITS, opinionCategories, SPEAKER_LIMITS, TITLE_LIMITS, type OpinionCategory, type SimilarSuggestion } from '@/domain/opinions'
import { suggestionUrl } from '@/domain/opinions/urls'
import { asFailure } from '@/hooks/latest'
import { submitSuggestion } from '@/services/opinions'
import { useSession } from '@/stores/session'

export default function SubmitSuggestionPage() {
  const me = useSession((s) => s.me)
  const [siteId, setSiteId] = useState<string | null>(null)
  const [activityId, setActivityId] = useState<number | null>(null)
  const [category, setCategory] = useState<OpinionCategory>(opinionCategories[0])
  const [form, setForm] = useState({ title: '', content: '', phone: '', speaker: '' })
  const [consent, setConsent] = useState(false)
  const [onBehalf, setOnBehalf] = useState(false)
  const [shown, setShown] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [similar, setSimilar] = useState<SimilarSuggestion[]>([])
  useLoad((params) => {
    if (params.site) setSiteId(String(params.site))
    if (params.activity) setActivityId(Number(params.activity))
  })
  const set = (name: keyof typeof form) => (e: { detail: { value: string } }) => setForm((f) => ({ ...f, [name]: e.detail.value }))
  const mayEnterForOthers = !!me && me.roles.some((grant) => grant.role === 'staff' || grant.role === 'admin' || (grant.role === 'site_admin' && grant.siteId === siteId))

  const problems = {
    title: lengthProblem('建议标题', form.title, TITLE_LIMITS),
    content: lengthProblem('建议内容', form.content, CONTENT_LIMITS),
    speaker: onBehalf ? lengthProblem('建议人姓名', form.speaker, SPEAKER_LIMITS) : undefined,
  }
  const why = whyNotReady(problemsOf(problems))

  const submit = async () => {
    setShown(true)
    if (why) return
    setBusy(true)
    setError('')
    try {
      const done = await submitSuggestion({
        title: form.title, content: form.content, category, siteId, activityId, contactConsent: consent,
        phone: consent && form.phone ? form.phone : null, onBehalfOf: onBehalf ? form.speaker : null,
      })
      Taro.showToast({ title: done.state === 'held' ? '已提交，待审核' : '已提交', icon: 'success' })
      if (done.similar.length) setSimilar(done.similar)
      else Taro.redirectTo({ url: suggestionUrl(done.id) })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }

  if (similar.length) {
    return (
      <Page actions={<Button onClick={() => Taro.navigateBack()}>返回</Button>}>
        <Notice tone='success'>建议已提交。已有相近的建议，信息员会一并整理：</Notice>
        {similar.map((s) => (
          <View key={s.id} className='ui-card' role='button' aria-label={`相近建议：${s.title}`} onClick={() => Taro.navigateTo({ url: suggestionUrl(s.id) })}>{s.title}</View>
        ))}
      </Page>
    )
  }

  return (
    <Page actions={<Button loading={busy} disabled={!!why && shown} why={shown ? why : undefined} onClick={submit}>提交建议</Button>}>
      {error && <Notice tone='error'>{error}</Notice>}
      <Notice>{siteId ? '您的建议将由联盟点收集，社情民意信息员审核后整理报送。' : '面向全区的建议，由社情民意信息员审核后整理报送。'}</Notice>
      <Field label='建议类别'>
        <Picker mode='selector' range={[...opinionCategories]} onChange={(e) => setCategory(opinionCategories[Number(e.detail.value)])}>
          <View className='ui-input' role='button' aria-label={`建议类别：${category}`}>{category}</View>
        </Picker>
      </Field>
      <Field label='建议标题' error={shown ? problems.title : undefined} count={{ value: form.title, max: TITLE_LIMITS.max }}>
        <Input className='ui-input' value={form.title} maxlength={TITLE_LIMITS.max} placeholder='一句话说明您的建议' onInput={set('title')} nativeProps={{ 'aria-label': '建议标题' }} />
      </Field>
      <Field label='建议内容' error={shown ? problems.content : undefined} count={{ value: form.content, max: CONTENT_LIMITS.max }}>
        <Textarea className='ui-input ui-textarea' value={form.content} maxlength={CONTENT_LIMITS.max} placeholder='说明问题、原因和您的建议' onInput={set('content')} nativeProps={{ 'aria-label': '建议内容' }} />
      </Field>
      {mayEnterForOthers && (
        <Field label='代为录入' hint='在窗口或会议上听取的意见，由您代为录入'>
          <Switch checked={onBehalf} color='#b71c1c' onChange={(e) => setOnBehalf(e.detail.value)} nativeProps={{ 'aria-label': '代为录入' }} />
        </Field>
      )}
      {onBehalf && (
        <Field label='建议人姓名' hint='仅信息员可见，公开页面不显示' error={shown ? problems.speaker : undefined} count={{ value: form.speaker, max: SPEAKER_LIMITS.max }}>
          <Input className='ui-input' value={form.speaker} maxlength={SPEAKER_LIMITS.max} onInput={set('speaker')} nativeProps={{ 'aria-label': '建议人姓名' }} />
        </Field>
      )}
      <Field label='同意工作人员联系我' hint='同意后可留下手机号码，仅信息员可见'>
        <Switch checked={consent} color='#b71c1c' onChange={(e) => setConsent(e.detail.value)} nativeProps={{ 'aria-label': '同意工作人员联系我' }} />
      </Field>
      {consent && (
        <Field label='手机号码'>
          <Input className='ui-input' type='number' value={form.phone} maxlength={11} onInput={set('phone')} nativeProps={{ 'aria-label': '手机号码' }} />
        </Field>
      )}
    </Page>
  )
}
