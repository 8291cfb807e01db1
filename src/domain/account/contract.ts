/** account: who I am, and binding a member or staff profile with its one-time code. */
import * as v from 'valibot'
import { BIND_CODE_ALPHABET, BIND_CODE_LENGTH, type Me } from '.'
import { returns } from '../contract'
import type { PublicPreview } from '../mask'
import { empty } from '../schemas'
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
  /** A text staff or a handler are about to make public, as the public will read it (masked). */
  maskPreview: { input: v.object({ text: text('内容', { max: 2000 }) }), output: returns<PublicPreview>() },
}
