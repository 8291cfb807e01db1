/** 起草提案 (members): title, category and text, optionally from accepted suggestions (their numbers, as an editor gave them). */
import { Input, Picker, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Field, Notice, Page } from '@/components/ui'
import { lengthProblem } from '@/domain/limits'
import { opinionCategories, type OpinionCategory } from '@/domain/opinions'
import { proposalUrl } from '@/domain/opinions/urls'
import { draftProposal } from '@/services/opinions'
import { picked, useAct } from '../../useAct'

const TITLE = { min: 4, max: 60 }
const BODY = { min: 20, max: 5000 }

export default function DraftProposalPage() {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [sources, setSources] = useState('')
  const [category, setCategory] = useState<OpinionCategory>(opinionCategories[0])
  const { busy, error, act } = useAct(() => undefined)
  const problem = lengthProblem('提案标题', title, TITLE) ?? lengthProblem('提案正文', body, BODY)
  const suggestionIds = sources.split(/[^0-9]+/).filter(Boolean).map(Number)
  const save = () => act(async () => {
    const made = await draftProposal({ title, body, category, suggestionIds })
    Taro.redirectTo({ url: proposalUrl(made.id) })
  }, '已保存草稿')
  return (
    <Page title='起草提案'>
      {error && <Notice tone='error'>{error}</Notice>}
      <Notice>草稿保存后可邀请其他委员联名，再提交立案。</Notice>
      <Field label='提案类别'>
        <Picker mode='selector' range={[...opinionCategories]} onChange={(e) => setCategory(picked(opinionCategories)(e))}>
          <View className='ui-input' role='button' aria-label={`提案类别：${category}`}>{category}</View>
        </Picker>
      </Field>
      <Field label='提案标题' count={{ value: title, max: TITLE.max }}>
        <Input className='ui-input' value={title} maxlength={TITLE.max} onInput={(e) => setTitle(e.detail.value)} nativeProps={{ 'aria-label': '提案标题' }} />
      </Field>
      <Field label='提案正文' hint='问题、原因分析和具体建议' count={{ value: body, max: BODY.max }}>
        <Textarea className='ui-input ui-textarea' value={body} maxlength={BODY.max} onInput={(e) => setBody(e.detail.value)} nativeProps={{ 'aria-label': '提案正文' }} />
      </Field>
      <Field label='来源建议编号（可选）' hint='已采纳建议的编号，多个用逗号分隔'>
        <Input className='ui-input' value={sources} onInput={(e) => setSources(e.detail.value)} nativeProps={{ 'aria-label': '来源建议编号' }} />
      </Field>
      <Button loading={busy} disabled={!!problem} why={problem} onClick={save}>保存草稿</Button>
    </Page>
  )
}
