/** A row of a grouped list: icon, title (and a line under it), value, arrow; tappable when onClick is given. */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon'

export interface CellProps {
  icon?: IconName
  title: ReactNode
  label?: ReactNode
  value?: ReactNode
  arrow?: boolean
  onClick?: () => void
}

/** Taro's View props omit tabIndex; h5 passes it on, so keyboard users can reach a tappable row. */
const focusable: object = { tabIndex: 0 }

export function Cell({ icon, title, label, value, arrow, onClick }: CellProps) {
  return (
    <View className={`ui-cell${onClick ? ' ui-cell-tappable' : ''}`} role={onClick ? 'button' : undefined} onClick={onClick} {...(onClick ? focusable : {})}>
      {icon && <Icon name={icon} className='ui-cell-icon' />}
      <View className='ui-cell-body'>
        <View className='ui-cell-title'>{title}</View>
        {label && <View className='ui-cell-label'>{label}</View>}
      </View>
      {value !== undefined && <View className='ui-cell-value'>{value}</View>}
      {arrow && <Icon name='arrow' className='ui-cell-arrow' />}
    </View>
  )
}

export function CellGroup({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <View className='ui-cell-group'>
      {title && <View className='ui-cell-group-title' role='heading' aria-level={2}>{title}</View>}
      <View className='ui-cell-group-body'>{children}</View>
    </View>
  )
}
