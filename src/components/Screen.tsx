/** The frame of every page: applies elder mode (larger type and targets) to everything inside. */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useSession } from '../stores/session'
import './screen.css'

export default function Screen({ children }: { children: ReactNode }) {
  const elder = useSession((s) => s.elder)
  return <View className={`screen${elder ? ' elder' : ''}`}>{children}</View>
}
