/** account: who I am, and binding a member or staff profile with its one-time code. */
import * as v from 'valibot'
import { BIND_CODE_ALPHABET, BIND_CODE_LENGTH, displayNameLimits, displayNameRules, type Me } from '.'
import { returns } from '../contract'
import type { PublicPreview } from '../mask'
import { empty } from '../schemas'
import { CLOUD_PHOTO_ID } from '../photos'
import { text } from '../text'

export const accountContract = {
  me: { input: empty, output: returns<Me>() },
  bind: {
    input: v.object({
      code: v.pipe(
        v.string('请输入绑定码'),
        v.trim(),
        v.toUpperCase(),
        v.length(BIND_CODE_LENGTH, `绑定码为 ${BIND_CODE_LENGTH} 位`),
        v.regex(new RegExp(`^[${BIND_CODE_ALPHABET}]+$`), '绑定码含有无效字符'),
      ),
    }),
    output: returns<Me>(),
  },
  /** The name this person shows to others (a resident; a working role keeps its registered name). */
  setName: {
    input: v.object({
      // A missing name is an empty one, and says so.
      name: v.optional(
        v.pipe(
          text('名称', displayNameLimits),
          v.check(displayNameRules[0].ok, displayNameRules[0].message),
          v.check(displayNameRules[1].ok, displayNameRules[1].message),
          v.check(displayNameRules[2].ok, displayNameRules[2].message),
        ),
        '',
      ),
    }),
    output: returns<Me>(),
  },
  /** A text staff or a handler are about to make public, as the public will read it (masked). */
  maskPreview: { input: v.object({ text: text('内容', { max: 2000 }) }), output: returns<PublicPreview>() },
  /** The WeChat cloud files this person just uploaded, claimed as theirs (the first claim wins). */
  claimPhotos: {
    input: v.object({
      fileIds: v.pipe(
        v.array(v.pipe(v.string('照片格式不正确'), v.regex(CLOUD_PHOTO_ID, '照片只能是 JPG 或 PNG 图片')), '照片格式不正确'),
        v.minLength(1, '请提供照片'),
        v.maxLength(9, '最多 9 张照片'),
      ),
    }),
    output: returns<{ claimed: number }>(),
  },
}
