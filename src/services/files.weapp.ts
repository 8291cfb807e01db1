/** Hands a file to the person in WeChat: a text file is written to the app's folder and shared to a chat; a document opens in the phone's viewer. */
import Taro from '@tarojs/taro'

export async function saveText(filename: string, text: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName: filename })
}

/** A .docx or .xlsx sent as base64: written to the app's folder and opened, with the viewer's menu to forward or save it. */
export async function saveDocument(file: { filename: string; base64: string }): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`
  Taro.getFileSystemManager().writeFileSync(filePath, file.base64, 'base64')
  await Taro.openDocument({ filePath, showMenu: true, fileType: file.filename.endsWith('.xlsx') ? 'xlsx' : 'docx' })
}
