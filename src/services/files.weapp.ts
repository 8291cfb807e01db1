/** Hands a text file to the person: in WeChat it is written to the app's folder and shared to a chat. */
import Taro from '@tarojs/taro'

export async function saveText(filename: string, text: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName: filename })
}
