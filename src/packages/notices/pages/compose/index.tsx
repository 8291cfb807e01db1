/**
 * Writing a notice: title, body, to whom (district staff: everyone, sites' followers, members by
 * sector, roles; a site admin: their sites' followers), now or at a time, pinned or not. Before
 * sending it says how many people the audience reaches; title and body are counted and checked as
 * the function will, and kept as a draft until sent.
 */
import { Image, Input, Picker, Switch, Textarea, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Field, Notice, Page, Tag, problemsOf, whyNotReady } from '@/components/ui'
import { audienceLabels, BODY_MAX, linkKinds, noticeDraftProblems, TITLE_MAX, type AudienceKind, type AudiencePart, type LinkKind } from '@/domain/notices'
import { PAGE_MAX } from '@/domain/page'
import { isDistrictStaff } from '@/domain/person'
import { managesSite } from '@/domain/sites/permissions'
import { bindableRoles, roleLabels, type BindableRole } from '@/domain/roles'
import { asFailure } from '@/hooks/latest'
import { useCall } from '@/hooks/useCall'
import { useDraft } from '@/hooks/useDraft'
import { publishNotice } from '@/services/notices'
import { choosePhotos, photoUrl } from '@/services/photos'
import { listSites } from '@/services/sites'
import { useSession } from '@/stores/session'
import { Reach } from './Reach'

const linkLabels: Record<LinkKind, string> = { topic: '议题编号', activity: '活动编号', site: '联盟点编号' }

type Kind = Extract<AudienceKind, 'everyone' | 'sites' | 'members' | 'roles'>
const staffKinds: Kind[] = ['sites', 'everyone', 'members', 'roles']

export default function ComposePage() {
  const me = useSession((s) => s.me)
  const person = { grants: me?.roles ?? [] }
  const staff = isDistrictStaff(person)
  const kinds: Kind[] = staff ? staffKinds : ['sites']
  const [kind, setKind] = useState<Kind>('sites')
  const [siteIds, setSiteIds] = useState<string[]>([])
  const [sector, setSector] = useState('')
  const [role, setRole] = useState<BindableRole>('member')
  const [{ title, body }, update, clearDraft] = useDraft('notice', { title: '', body: '' })
  const [shown, setShown] = useState(false)
  const [day, setDay] = useState('')
  const [time, setTime] = useState('09:00')
  const [pinned, setPinned] = useState(false)
  const [cover, setCover] = useState<string>()
  const [linkKind, setLinkKind] = useState<LinkKind>()
  const [linkId, setLinkId] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const loadMe = useSession((s) => s.loadMe)
  useLoad((params) => {
    if (params.site) setSiteIds([String(params.site)])
    // Opened directly (a link, a reload): who I am decides the audiences offered and the site names.
    if (!me) loadMe().catch(() => undefined)
  })
  const sites = useCall(me ? 'sites' : null, () =>
    listSites({ limit: PAGE_MAX }).then((page) => page.items.filter((s) => managesSite(person, s.id))),
  )
  const choices = (sites.data ?? []).filter((s) => !siteIds.includes(s.id))
  const nameOf = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? id

  const audience = (): AudiencePart => {
    if (kind === 'sites') return { kind, siteIds }
    if (kind === 'members') return sector.trim() ? { kind, sector: sector.trim() } : { kind }
    if (kind === 'roles') return { kind, roles: [role] }
    return { kind }
  }
  const addCover = async () => {
    try {
      setCover((await choosePhotos(1))[0])
    } catch (e) {
      setError(asFailure(e).message)
    }
  }
  const submit = async () => {
    setBusy(true)
    setError('')
    try {
      const publishAt = day ? new Date(`${day}T${time}:00+08:00`).toISOString() : undefined
      const link = linkKind && linkId.trim() ? { kind: linkKind, id: linkId.trim() } : undefined
      const done = await publishNotice({ title, body, audience: [audience()], publishAt, pinned, cover, link })
      clearDraft()
      Taro.showToast({ title: done.status === 'scheduled' ? '已定时发布' : `已发送 ${done.audienceSize} 人`, icon: 'success' })
      Taro.redirectTo({ url: `/packages/notices/pages/deliveries/index?id=${done.id}` })
    } catch (e) {
      setError(asFailure(e).message)
    } finally {
      setBusy(false)
    }
  }

  const problems = noticeDraftProblems({ title, body, audience: audience() })
  const all = problemsOf(problems)
  const show = (field: keyof typeof problems, value: string) => (shown || value ? problems[field] : undefined)
  return (
    <Page actions={<Button loading={busy} disabled={all.length > 0} why={whyNotReady(all)} onBlocked={() => setShown(true)} onClick={submit}>发布</Button>}>
      {!staff && <Notice>联盟点管理员可向本联盟点的关注者发送通知。</Notice>}
      {error && <Notice tone='error'>{error}</Notice>}
      <CellGroup title='发送对象'>
        <Picker mode='selector' range={kinds.map((k) => audienceLabels[k])} onChange={(e) => setKind(kinds[Number(e.detail.value)])}>
          <Cell title='发送给' value={audienceLabels[kind]} arrow onClick={() => undefined} />
        </Picker>
        {kind === 'sites' && (
          <Picker mode='selector' range={choices.map((s) => s.name)} onChange={(e) => setSiteIds([...siteIds, choices[Number(e.detail.value)].id])}>
            <Cell title='添加联盟点' value={siteIds.length ? `已选 ${siteIds.length} 个` : '请选择'} arrow onClick={() => undefined} />
          </Picker>
        )}
        {kind === 'sites' && siteIds.length > 0 && (
          <View className='card'>{siteIds.map((id) => <Tag key={id}>{nameOf(id)}</Tag>)}</View>
        )}
        {kind === 'roles' && (
          <Picker mode='selector' range={bindableRoles.map((r) => roleLabels[r])} onChange={(e) => setRole(bindableRoles[Number(e.detail.value)])}>
            <Cell title='角色' value={roleLabels[role]} arrow onClick={() => undefined} />
          </Picker>
        )}
      </CellGroup>
      {kind === 'members' && (
        <Field label='界别（可不填）' hint='不填则发给全体委员'>
          <Input className='ui-input' value={sector} maxlength={20} placeholder='例如：经济界' nativeProps={{ 'aria-label': '界别' }} onInput={(e) => setSector(e.detail.value)} />
        </Field>
      )}
      <Reach audience={audience()} ready={!problems.audience} />
      <Field label='标题' hint={`2–${TITLE_MAX} 个字`} error={show('title', title)} count={{ value: title, max: TITLE_MAX }}>
        <Input className='ui-input' value={title} maxlength={TITLE_MAX} placeholder='通知标题' nativeProps={{ 'aria-label': '通知标题' }} onInput={(e) => update({ title: e.detail.value })} />
      </Field>
      <Field label='正文' hint={`2–${BODY_MAX} 个字`} error={show('body', body)} count={{ value: body, max: BODY_MAX }}>
        <Textarea className='ui-input ui-textarea' value={body} maxlength={BODY_MAX} placeholder='时间、地点、内容' nativeProps={{ 'aria-label': '通知正文' }} onInput={(e) => update({ body: e.detail.value })} />
      </Field>
      <CellGroup title='封面和链接（可不填）'>
        <Cell title='封面图片' value={cover ? '已选择' : '选择'} arrow onClick={addCover} />
        {cover && <View className='card'><Image src={photoUrl(cover)} mode='widthFix' style={{ width: '100%' }} nativeProps={{ alt: '通知封面' }} /></View>}
        <Picker mode='selector' range={['不链接', ...linkKinds.map((k) => linkLabels[k])]} onChange={(e) => setLinkKind(linkKinds[Number(e.detail.value) - 1])}>
          <Cell title='链接到' value={linkKind ? linkLabels[linkKind] : '不链接'} arrow onClick={() => undefined} />
        </Picker>
      </CellGroup>
      {linkKind && (
        <Field label={linkLabels[linkKind]}>
          <Input className='ui-input' value={linkId} maxlength={24} placeholder={linkKind === 'site' ? '例如：F01' : '例如：12'} nativeProps={{ 'aria-label': linkLabels[linkKind] }} onInput={(e) => setLinkId(e.detail.value)} />
        </Field>
      )}
      <CellGroup title='发布时间'>
        <Picker mode='date' value={day} onChange={(e) => setDay(e.detail.value)}>
          <Cell title='日期' value={day || '立即发布'} arrow onClick={() => undefined} />
        </Picker>
        {day && (
          <Picker mode='time' value={time} onChange={(e) => setTime(e.detail.value)}>
            <Cell title='时间' value={time} arrow onClick={() => undefined} />
          </Picker>
        )}
        <Cell title='置顶' value={<Switch checked={pinned} color='#b71c1c' onChange={(e) => setPinned(e.detail.value)} nativeProps={{ 'aria-label': '置顶' }} />} />
      </CellGroup>
    </Page>
  )
}
