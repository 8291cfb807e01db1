/** Photo ids: a file in WeChat cloud storage, or one the local host keeps (named by its bytes). JPEG or PNG only. */
export const CLOUD_PHOTO_ID = /^cloud:\/\/[A-Za-z0-9._-]{1,80}\/[A-Za-z0-9._/-]{1,200}\.(jpe?g|png)$/
export const PHOTO_ID = new RegExp(`^(${CLOUD_PHOTO_ID.source.slice(1, -1)}|local:[0-9a-f]{64}\\.(jpg|png))$`)

/** Who may see an uploaded photo: a topic's photos are public; evidence (六有) is kept private, read only through short-lived links. */
export type PhotoKept = 'public' | 'private'
