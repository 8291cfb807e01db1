/** A row of tabs that scrolls sideways when it is wider than the screen; the chosen one is underlined. */
import { ScrollView, View } from '@tarojs/components'

/** Taro's View props omit tabIndex; h5 passes it on, so keyboard users can reach each tab. */
const focusable: object = { tabIndex: 0 }

export interface TabItem<K extends string> {
  key: K
  label: string
}

export interface TabsProps<K extends string> {
  items: readonly TabItem<K>[]
  value: K
  onChange(key: K): void
  /** What the tabs choose, for screen readers. */
  label: string
}

export function Tabs<K extends string>({ items, value, onChange, label }: TabsProps<K>) {
  return (
    <ScrollView className='ui-tabs' scrollX enhanced showScrollbar={false}>
      <View role='tablist' aria-label={label}>
        {items.map((item) => (
          <View key={item.key} className={`ui-tab${item.key === value ? ' ui-tab-on' : ''}`} role='tab' {...focusable}
            aria-selected={item.key === value} onClick={() => onChange(item.key)}>
            {item.label}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
