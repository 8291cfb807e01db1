/**
 * Photos and their owners (the uploads table). The host records each photo it keeps; a mini-program
 * client claims the WeChat cloud files it uploaded (first claim wins). A record takes only its
 * author's own photos, besides those it already carries.
 */
import type { Queryable } from './db'
import { fail } from './errors'
import { ensureUser } from './identity'

const NOT_OWN = '照片无效，请重新上传'

/** Records that the person signed in as `openid` uploaded `fileId` (the host's /upload). */
export async function recordUpload(db: Queryable, openid: string, fileId: string, bytes: number, at: Date): Promise<void> {
  await ensureUser(db, openid)
  await db.query(
    `INSERT INTO uploads (file_id, owner_id, bytes, created_at) SELECT $1, id, $3, $4 FROM users WHERE openid = $2
     ON CONFLICT (file_id, owner_id) DO NOTHING`,
    [fileId, openid, bytes, at],
  )
}

/** Claims cloud files for `userId`: a file someone else claimed first is refused, and nothing is claimed. */
export async function claimPhotos(db: Queryable, userId: number, fileIds: string[], at: Date): Promise<void> {
  // Two people claiming one file at once: the second waits for the first, then finds it taken.
  await db.query('SELECT pg_advisory_xact_lock(hashtext(f)) FROM (SELECT DISTINCT unnest($1::text[]) AS f ORDER BY 1) ids', [fileIds])
  const [{ taken }] = await db.query<{ taken: number }>('SELECT count(*)::int AS taken FROM uploads WHERE file_id = ANY($1) AND owner_id <> $2', [fileIds, userId])
  if (taken > 0) fail('invalid_input', NOT_OWN)
  await db.query(
    `INSERT INTO uploads (file_id, owner_id, created_at) SELECT unnest($1::text[]), $2, $3 ON CONFLICT (file_id, owner_id) DO NOTHING`,
    [fileIds, userId, at],
  )
}

/** Refuses (`invalid_input`) any photo in `fileIds` that `userId` did not upload, except those in `kept`. */
export async function requireOwnPhotos(db: Queryable, userId: number, fileIds: readonly string[], kept: readonly string[] = []): Promise<void> {
  const asked = [...new Set(fileIds.filter((id) => !kept.includes(id)))]
  if (asked.length === 0) return
  const [{ own }] = await db.query<{ own: number }>('SELECT count(*)::int AS own FROM uploads WHERE file_id = ANY($1) AND owner_id = $2', [asked, userId])
  if (own !== asked.length) fail('invalid_input', NOT_OWN)
}
