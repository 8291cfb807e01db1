/**
 * Photos on h5: chosen in the browser and uploaded to the local host (POST /upload), which keeps
 * JPEG and PNG up to 2 MB. Taro picks photos.weapp.ts (WeChat cloud storage) in the mini-program.
 */
import Taro from '@tarojs/taro'
import type { PhotoKept } from '../domain/photos'
import { CallFailure } from './call'
import { TOKEN_KEY } from './transport'

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024

/** Where a photo id is shown from. */
export const photoUrl = (id: string) => (id.startsWith('local:') ? `/uploads/${id.slice(6)}` : id)

export async function choosePhotos(count: number): Promise<string[]> {
  return (await choosePhotoFiles(count)).map((file) => file.fileId)
}

/** Photos chosen and uploaded, with their sizes (evidence records say how large each file is). */
export async function choosePhotoFiles(count: number, kept: PhotoKept = 'public'): Promise<{ fileId: string; bytes: number }[]> {
  const chosen = await Taro.chooseImage({ count, sizeType: ['compressed'] })
  const ids: { fileId: string; bytes: number }[] = []
  for (const file of chosen.tempFiles) {
    if (file.size > MAX_PHOTO_BYTES) throw new CallFailure({ code: 'invalid_input', message: '照片不能超过 2 MB' })
    const bytes = await (await fetch(file.path)).blob()
    const answer = await fetch(kept === 'private' ? '/upload?private=1' : '/upload', { method: 'POST', body: bytes, headers: { authorization: `Bearer ${Taro.getStorageSync(TOKEN_KEY)}` } })
    const envelope = await answer.json()
    if (!envelope.ok) throw new CallFailure(envelope.error)
    ids.push({ fileId: envelope.data.fileId, bytes: file.size })
  }
  return ids
}
