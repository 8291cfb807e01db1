/**
 * The content check's verdict, decided once (security.msgSecCheck v2 `result.suggest`): `risky`
 * text is refused everywhere. `review` means a person must read it before the public does: where
 * the text waits for a person anyway (a resident's topic, screened by its site's admins) it is held
 * for them; everywhere else (staff's notices, activities, replies and summaries, a resident's
 * rating comment) it would reach readers at once, so its author is asked to rephrase.
 */
import { fail } from './errors'
import type { Platform } from './platform'

export type Screened = 'pass' | 'held'

export async function screenText(platform: Pick<Platform, 'checkText'>, text: string, openid: string, flow: 'moderated' | 'immediate'): Promise<Screened> {
  const verdict = await platform.checkText(text, openid)
  if (verdict === 'risky') return fail('content_rejected')
  if (verdict === 'review') return flow === 'moderated' ? 'held' : fail('content_rejected', '内容需要修改后再发布')
  return 'pass'
}
