/** Hands a file to the person on h5: the browser downloads it. Taro picks files.weapp.ts in the mini-program. */

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

/** A .docx or .xlsx sent as base64, downloaded. */
export async function saveDocument(file: { filename: string; mime: string; base64: string }): Promise<void> {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  download(file.filename, new Blob([bytes], { type: file.mime }))
}
