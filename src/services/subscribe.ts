/**
 * The browser build's stand-in for WeChat's subscription dialog: there is no WeChat to ask, so the
 * demo treats a tap as accepting (the local platform records the messages; see the delivery log).
 */
import type { TemplateKey } from '../domain/notices/subscriptions'

export async function requestTemplates(keys: TemplateKey[]): Promise<TemplateKey[]> {
  return keys
}
