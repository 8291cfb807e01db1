/** Under a field whose text will be public: says before sending that it holds a phone, an ID or a name, and how it will read. */
import { Notice } from '@/components/ui'
import { usePublicPreview } from '@/hooks/usePublicPreview'

export function PublicTextWarning({ text }: { text: string }) {
  const preview = usePublicPreview(text)
  if (!preview) return null
  const found = [preview.numbers && '电话或证件号码', preview.names.length > 0 && `姓名（${preview.names.join('、')}）`].filter(Boolean).join('、')
  return <Notice>内容含有{found}，公开时将显示为：{preview.masked}</Notice>
}
