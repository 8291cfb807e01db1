/**
 * Proposing a topic for a site's 月月说事 (or editing one that was returned): title, what is
 * happening, a category. The form names the site and the month the topic goes to, checks each
 * field as the function will (counters, every problem at once, the submit button saying why it
 * waits) and keeps a new topic's draft in storage until it is sent. While the title is typed,
 * similar topics at the site are shown, so people support an existing topic instead of repeating it.
 */
import { Image, Input, Picker, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page, Skeleton, Tag, problemsOf, whyNotReady } from '@/components/ui'
import { BODY_MAX, BODY_MIN, PHOTOS_MAX, TITLE_MAX, TITLE_MIN, topicCategories, topicDraftProblems, topicStateLabels, type TopicCategory } from '@/domain/topics'
import { monthLabel, proposalMonth } from '@/domain/votes'
import { useCall } from '@/hooks/useCall'
import { useDebounced } from '@/hooks/useDebounced'
import { useDraft } from '@/hooks/useDraft'
import { asFailure } from '@/hooks/latest'
import { choosePhotos, photoUrl } from '@/services/photos'
import { editTopic, getTopic, proposeTopic, similarTopics } from '@/services/topics'
import { getBallot } from '@/services/votes'
import './index.css'

const HINT_DEBOUNCE_MS = 400
const EMPTY: { title: string; body: string; category?: TopicCategory; photos: string[] } = { title: '', body: '', photos: [] }

export default function ProposePage() {
  const [siteId, setSiteId] = useState('')
  const [editing, setEditing] = useState<number>()
  const [draft, update, clearDraft] = useDraft(siteId && !editing ? `topic:${siteId}` : null, EMPTY)
  const { title, body, category, photos } = draft
  const [shown, setShown] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const typed = useDebounced(title.trim(), HINT_DEBOUNCE_MS)
  const similar = useCall(siteId && typed.length >= 2 && !editing ? `${siteId}|${typed}` : null, () => similarTopics({ siteId, title: typed }))
  const cycle = useCall(siteId && !editing ? siteId : null, () => getBallot({ siteId }))

  useLoad((params) => {
    if (params.site) setSiteId(String(params.site))
    if (params.id) {
      const id = Number(params.id)
      setEditing(id)
      getTopic({ topicId: id }).then((t) => {
        setSiteId(t.siteId)
        update({ title: t.title, body: t.body, category: t.category, photos: t.photos })
      }, (e) => setError(asFailure(e).message))
    }
  })

  const problems = topicDraftProblems(draft)
  const all = problemsOf(problems)
  // A field's problem shows once something is typed in it, and every one after a tap on the waiting button.
  const show = (field: keyof typeof problems, value: unknown) => (shown || value ? problems[field] : undefined)

  const submit = async () => {
    setBusy(true)
    try {
      const sent = { title, body, category: category!, photos }
      const done = editing ? await editTopic({ topicId: editing, ...sent }) : await proposeTopic({ siteId, ...sent })
      clearDraft()
      Taro.showToast({ title: done.state === 'held' ? '已提交，内容审核中' : '提交成功', icon: 'success' })
      Taro.redirectTo({ url: `/packages/topics/pages/detail/index?id=${done.id}` })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }

  // Until the page knows its site (or the topic being edited), there is no form to show: its fields
  // then mount once, with the draft or the topic already in them.
  if (!siteId) return <Page>{error ? <Notice tone='error'>{error}</Notice> : <Skeleton count={3} />}</Page>

  const hints = similar.data ?? []
  const where = cycle.data?.cycle
  return (
    <Page actions={
      <Button loading={busy} disabled={!siteId || all.length > 0} why={whyNotReady(all)} onBlocked={() => setShown(true)} onClick={submit}>
        {editing ? '修改后重新提交' : '提交议题'}
      </Button>
    }>
      {where && <Notice>提交到 {where.siteName} {monthLabel(proposalMonth(where))}的月月说事。每人每天最多提 3 个议题，提交后由联盟点审核，受理的议题进入当月投票。</Notice>}
      {!editing && !where && <Notice>说说身边需要大家一起商量的事。每人每天最多提 3 个议题，提交后由联盟点审核。</Notice>}
      {error && <Notice tone='error'>{error}</Notice>}
      <Field label='议题标题' hint={`${TITLE_MIN}–${TITLE_MAX} 个字，一句话说清是什么事`} error={show('title', title)} count={{ value: title, max: TITLE_MAX }}>
        <Input className='ui-input' value={title} maxlength={TITLE_MAX} placeholder='例如：小区周边停车难' onInput={(e) => update({ title: e.detail.value })}
          nativeProps={{ 'aria-label': '议题标题' }} />
      </Field>
      {hints.length > 0 && (
        <CellGroup title='已有相似议题，可以直接支持'>
          {hints.map((h) => (
            <Cell key={h.id} title={h.title} value={<Tag tone='muted'>{topicStateLabels[h.state]}</Tag>} arrow
              onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/detail/index?id=${h.id}` })} />
          ))}
        </CellGroup>
      )}
      <Field label='具体情况' hint={`${BODY_MIN}–${BODY_MAX} 个字：在哪里、什么情况、希望怎么解决`} error={show('body', body)} count={{ value: body, max: BODY_MAX }}>
        <Textarea className='ui-input ui-textarea' value={body} maxlength={BODY_MAX} placeholder='请描述具体情况和您的建议' onInput={(e) => update({ body: e.detail.value })}
          nativeProps={{ 'aria-label': '具体情况' }} />
      </Field>
      <Field label='现场照片' hint={`选填，最多 ${PHOTOS_MAX} 张 JPG 或 PNG，每张不超过 2 MB`}>
        <View className='propose-photos'>
          {photos.map((id) => (
            <Image key={id} className='propose-photo' src={photoUrl(id)} mode='aspectFill' ariaLabel='已选照片，点击删除'
              onClick={() => update({ photos: photos.filter((p) => p !== id) })} />
          ))}
          {photos.length < PHOTOS_MAX && (
            <Button kind='plain' onClick={() => choosePhotos(PHOTOS_MAX - photos.length).then((ids) => update({ photos: [...photos, ...ids] }), (e) => setError(asFailure(e).message))}>
              添加照片
            </Button>
          )}
        </View>
      </Field>
      <Field label='议题类别' error={show('category', category)}>
        <Picker mode='selector' range={[...topicCategories]} onChange={(e) => update({ category: topicCategories[Number(e.detail.value)] })}>
          <View className='ui-input' role='button' aria-label={`议题类别：${category ?? '请选择'}`}>{category ?? '请选择'}</View>
        </Picker>
      </Field>
    </Page>
  )
}
