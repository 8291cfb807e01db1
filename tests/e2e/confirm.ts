/** The kit's confirming dialog (src/components/ui/Confirm.tsx) as a test sees it: an alertdialog named by its question. */
import type { Locator, Page } from 'playwright-core'

export function confirmDialog(page: Page, title: string): Locator {
  return page.getByRole('alertdialog', { name: title })
}

/** Waits for the dialog asking `title`, then answers it: 确定 (true) or 取消 (false); returns what it said. */
export async function answerConfirm(page: Page, title: string, yes = true): Promise<string> {
  const dialog = confirmDialog(page, title)
  await dialog.waitFor()
  const text = (await dialog.textContent()) ?? ''
  await dialog.getByText(yes ? '确定' : '取消', { exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
  return text
}
