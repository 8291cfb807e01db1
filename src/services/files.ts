/** Hands a file to the person: on h5 the browser downloads it; in WeChat a document opens in the phone's viewer. */
import Taro from '@tarojs/taro'

function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A text file (a .csv, an .ics for the calendar), downloaded on h5. */
export async function saveText(filename: string, text: string, type: string): Promise<void> {
  download(filename, new Blob([text], { type }))
}

/** A .docx or .xlsx sent as base64: downloaded on h5; in WeChat written to the user's files and opened (with its menu to forward or save). */
export async function saveDocument(file: { filename: string; mime: string; base64: string }): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`
    Taro.getFileSystemManager().writeFileSync(filePath, file.base64, 'base64')
    await Taro.openDocument({ filePath, showMenu: true, fileType: file.filename.endsWith('.xlsx') ? 'xlsx' : 'docx' })
    return
  }
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  download(file.filename, new Blob([bytes], { type: file.mime }))
}
