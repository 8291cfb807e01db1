/**
 * Proposing a topic for a site's 月月说事 (or editing one that was returned): title, what is
 * happening, a category. While the title is typed, similar topics at the site are shown, so people
 * support an existing topic instead of repeating it.
 */
import { Image, Input, Picker, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, FormRow, Notice, Page, Tag } from '@/components/ui'
import { BODY_MAX, BODY_MIN, PHOTOS_MAX, TITLE_MAX, TITLE_MIN, topicCategories, topicStateLabels, type TopicCategory } from '@/domain/topics'
import { useCall } from '@/hooks/useCall'
import { useDebounced } from '@/hooks/useDebounced'
import { asFailure } from '@/hooks/latest'
import { choosePhotos, photoUrl } from '@/services/photos'
import { editTopic, getTopic, proposeTopic, similarTopics } from '@/services/topics'
import './index.css'

const HINT_DEBOUNCE_MS = 400

export default function ProposePage() {
  const [siteId, setSiteId] = useState('')
  const [editing, setEditing] = useState<number>()
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [category, setCategory] = useState<TopicCategory>()
  const [photos, setPhotos] = useState<string[]>([])
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const typed = useDebounced(title.trim(), HINT_DEBOUNCE_MS)
  const similar = useCall(siteId && typed.length >= 2 && !editing ? `${siteId}|${typed}` : null, () => similarTopics({ siteId, title: typed }))

  useLoad((params) => {
    if (params.site) setSiteId(String(params.site))
    if (params.id) {
      const id = Number(params.id)
      setEditing(id)
      getTopic({ topicId: id }).then((t) => {
        setSiteId(t.siteId)
        setTitle(t.title)
        setBody(t.body)
        setCategory(t.category)
        setPhotos(t.photos)
      }, (e) => setError(asFailure(e).message))
    }
  })

  const submit = async () => {
    if (!category) return setError('请选择议题类别')
    setBusy(true)
    try {
      const draft = { title, body, category, photos }
      const done = editing ? await editTopic({ topicId: editing, ...draft }) : await proposeTopic({ siteId, ...draft })
      Taro.showToast({ title: done.state === 'held' ? '已提交，内容审核中' : '提交成功', icon: 'success' })
      Taro.redirectTo({ url: `/packages/topics/pages/detail/index?id=${done.id}` })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }

  const hints = similar.data ?? []
  return (
    <Page actions={<Button loading={busy} disabled={!siteId} onClick={submit}>{editing ? '修改后重新提交' : '提交议题'}</Button>}>
      <Notice>说说身边需要大家一起商量的事。每人每天最多提 3 个议题，提交后由联盟点审核，受理的议题进入本月投票。</Notice>
      {error && <Notice tone='error'>{error}</Notice>}
      <FormRow label='议题标题' hint={`${TITLE_MIN}–${TITLE_MAX} 个字，一句话说清是什么事`}>
        <Input className='ui-input' value={title} maxlength={TITLE_MAX} placeholder='例如：小区周边停车难' onInput={(e) => setTitle(e.detail.value)}
          nativeProps={{ 'aria-label': '议题标题' }} />
      </FormRow>
      {hints.length > 0 && (
        <CellGroup title='已有相似议题，可以直接支持'>
          {hints.map((h) => (
            <Cell key={h.id} title={h.title} value={<Tag tone='muted'>{topicStateLabels[h.state]}</Tag>} arrow
              onClick={() => Taro.navigateTo({ url: `/packages/topics/pages/detail/index?id=${h.id}` })} />
          ))}
        </CellGroup>
      )}
      <FormRow label='具体情况' hint={`${BODY_MIN}–${BODY_MAX} 个字：在哪里、什么情况、希望怎么解决`}>
        <Textarea className='ui-input ui-textarea' value={body} maxlength={BODY_MAX} placeholder='请描述具体情况和您的建议' onInput={(e) => setBody(e.detail.value)}
          nativeProps={{ 'aria-label': '具体情况' }} />
      </FormRow>
      <FormRow label='现场照片' hint={`选填，最多 ${PHOTOS_MAX} 张 JPG 或 PNG，每张不超过 2 MB`}>
        <View className='propose-photos'>
          {photos.map((id) => (
            <Image key={id} className='propose-photo' src={photoUrl(id)} mode='aspectFill' ariaLabel='已选照片，点击删除'
              onClick={() => setPhotos(photos.filter((p) => p !== id))} />
          ))}
          {photos.length < PHOTOS_MAX && (
            <Button kind='plain' onClick={() => choosePhotos(PHOTOS_MAX - photos.length).then((ids) => setPhotos([...photos, ...ids]), (e) => setError(asFailure(e).message))}>
              添加照片
            </Button>
          )}
        </View>
      </FormRow>
      <FormRow label='议题类别'>
        <Picker mode='selector' range={[...topicCategories]} onChange={(e) => setCategory(topicCategories[Number(e.detail.value)])}>
          <View className='ui-input' role='button' aria-label={`议题类别：${category ?? '请选择'}`}>{category ?? '请选择'}</View>
        </Picker>
      </FormRow>
    </Page>
  )
}
