/** Hands a text file to the person: on h5 the browser downloads it (a .csv, an .ics for the calendar). */
export async function saveText(filename: string, text: string, type: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
