/**
 * Photos in the mini-program: chosen with chooseMedia (JPEG or PNG, ≤ 2 MB) and uploaded to WeChat
 * cloud storage, or — self-hosted (TRANSPORT=https) — to the host's /upload, which cleans and keeps
 * them as the uploader's (`local:<sha256>.<ext>`, served from API_URL/uploads/).
 */
import Taro from '@tarojs/taro'
import type { Envelope } from '../domain/errors'
import type { PhotoKept } from '../domain/photos'
import { call, CallFailure } from './call'
import { asSignedIn } from './transport.weapp'

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024

export const photoUrl = (id: string) => (id.startsWith('local:') ? `${API_URL}/uploads/${id.slice(6)}` : id)

async function uploadToHost(filePath: string, kept: PhotoKept): Promise<string> {
  const data = Taro.getFileSystemManager().readFileSync(filePath) as ArrayBuffer
  const answer = await asSignedIn((token) =>
    Taro.request<Envelope<{ fileId: string }>>({ url: `${API_URL}/upload${kept === 'private' ? '?private=1' : ''}`, method: 'POST', data, header: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' } }),
  )
  if (!answer.ok) throw new CallFailure(answer.error)
  return answer.data.fileId
}

export async function choosePhotos(count: number): Promise<string[]> {
  return (await choosePhotoFiles(count)).map((file) => file.fileId)
}

/** Photos chosen and uploaded, with their sizes (evidence records say how large each file is). */
/** On cloud storage a file is read by its id under the storage's rules; on the host a private one only through a signed link. */
export async function choosePhotoFiles(count: number, kept: PhotoKept = 'public'): Promise<{ fileId: string; bytes: number }[]> {
  const chosen = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'] })
  const ids: { fileId: string; bytes: number }[] = []
  for (const file of chosen.tempFiles) {
    const ext = /\.(jpe?g|png)$/i.exec(file.tempFilePath)?.[1]?.toLowerCase()
    if (!ext) throw new CallFailure({ code: 'invalid_input', message: '照片只能是 JPG 或 PNG 图片' })
    if (file.size > MAX_PHOTO_BYTES) throw new CallFailure({ code: 'invalid_input', message: '照片不能超过 2 MB' })
    if (TRANSPORT === 'https') {
      ids.push({ fileId: await uploadToHost(file.tempFilePath, kept), bytes: file.size })
      continue
    }
    const cloudPath = `topics/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext === 'jpeg' ? 'jpg' : ext}`
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: file.tempFilePath })
    ids.push({ fileId: fileID, bytes: file.size })
  }
  // The server takes a photo only from the person who uploaded it: claim cloud files before they are used (the host records its own).
  if (TRANSPORT !== 'https') await call('account', 'claimPhotos', { fileIds: ids.map((file) => file.fileId) })
  return ids
}
