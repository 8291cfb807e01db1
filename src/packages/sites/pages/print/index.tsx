/**
 * Every site's check-in poster on one page, for staff to print at once (one poster to a sheet).
 * The directory comes a page at a time; the codes a few at a time, shown as they arrive.
 */
import { View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Empty, Notice, Page, Skeleton } from '@/components/ui'
import type { SiteSummary } from '@/domain/sites'
import { asFailure } from '@/hooks/latest'
import { getSiteCode, listSites } from '@/services/sites'
import { canPrint, printPage, SitePoster } from '../../poster'

/** Codes asked for at the same time. */
const PARALLEL = 4

type Poster = { site: SiteSummary; image?: string }

export default function PrintPostersPage() {
  const [posters, setPosters] = useState<Poster[] | null>(null)
  const [error, setError] = useState('')

  const load = async () => {
    setError('')
    setPosters(null)
    try {
      const sites: SiteSummary[] = []
      for (let cursor: string | undefined, more = true; more;) {
        const page = await listSites({ limit: 100, cursor })
        sites.push(...page.items)
        cursor = page.next ?? undefined
        more = page.next !== null
      }
      const images: (string | undefined)[] = sites.map(() => undefined)
      setPosters(sites.map((site) => ({ site })))
      let next = 0
      const worker = async () => {
        for (let i = next++; i < sites.length; i = next++) {
          images[i] = (await getSiteCode({ siteId: sites[i].id })).image
          setPosters(sites.map((site, j) => ({ site, image: images[j] })))
        }
      }
      await Promise.all(Array.from({ length: PARALLEL }, worker))
    } catch (e) {
      setError(asFailure(e).message)
    }
  }
  useLoad(() => {
    load()
  })

  const ready = posters?.filter((p) => p.image).length ?? 0
  const done = posters !== null && ready === posters.length
  if (error && !posters?.length) return <Page><Empty icon='alert' title={error} hint='请确认您是政协工作人员' action={{ label: '重试', onClick: load }} /></Page>
  if (!posters) return <Page><Skeleton count={2} /></Page>
  return (
    <Page actions={canPrint ? <Button loading={!done && !error} disabled={!done} onClick={printPage}>{done ? `打印全部（${posters.length} 张）` : `正在生成 ${ready}/${posters.length}`}</Button> : undefined}>
      {error ? <Notice tone='error'>{error}</Notice> : (
        <Notice>共 {posters.length} 个联盟点，每个联盟点一张海报，打印时每张单独一页。打印后张贴在各联盟点入口醒目处。</Notice>
      )}
      {posters.map(({ site, image }) => (image
        ? <SitePoster key={site.id} name={site.name} image={image} />
        : <View key={site.id} className='site-poster'><View className='site-poster-name'>{site.name}</View><Skeleton count={1} /></View>
      ))}
    </Page>
  )
}
