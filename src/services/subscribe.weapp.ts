/** WeChat's subscription dialog: each template the person accepts is one authorisation. */
import Taro from '@tarojs/taro'
import { templates, type TemplateKey } from '../domain/notices/subscriptions'

export async function requestTemplates(keys: TemplateKey[]): Promise<TemplateKey[]> {
  if (keys.length === 0) return []
  try {
    // WeChat takes only tmplIds; Taro's type also wants Alipay's entityIds.
    const option = { tmplIds: keys.map((key) => templates[key].id) } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0]
    const answer = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, string>
    return keys.filter((key) => answer[templates[key].id] === 'accept')
  } catch {
    return [] // dismissed, or the person turned subscription messages off in settings
  }
}
