/**
 * The weapp's tab bar (app.config.ts sets `tabBar.custom` on weapp only): WeChat's native one takes
 * no font size, so elder mode could not reach it. Same three tabs and icons as the native bar;
 * labels 10 px, and 15 px with 34 px icons in elder mode (as app.css does for h5's bar). Which tab
 * is chosen and the 我的 badge come from the tab bar store (stores/tabBar.ts).
 */
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSession } from '../stores/session'
import { MINE_TAB, tabs, useTabBar } from '../stores/tabBar'
import './index.css'

export default function CustomTabBar() {
  const elder = useSession((s) => s.elder)
  const { selected, badge } = useTabBar()

  const choose = (index: number) => {
    if (index === selected) return
    // Every tab page's instance reads the store: the next page's bar shows the choice at once.
    useTabBar.setState({ selected: index })
    Taro.switchTab({ url: tabs[index].path })
  }

  return (
    <View className={`tab-bar${elder ? ' tab-bar-elder' : ''}`} role='tablist' aria-label='主导航'>
      {tabs.map((tab, index) => {
        const on = index === selected
        const shownBadge = index === MINE_TAB ? badge : ''
        return (
          <View key={tab.path} className={`tab-bar-item${on ? ' tab-bar-on' : ''}`} role='tab' aria-selected={on}
            aria-label={shownBadge ? `${tab.text}，${shownBadge} 条未读` : tab.text} onClick={() => choose(index)}>
            <View className='tab-bar-icon-box'>
              <Image className='tab-bar-icon' src={`/assets/tabbar/${tab.icon}${on ? '-active' : ''}.png`} />
              {shownBadge && <Text className='tab-bar-badge'>{shownBadge}</Text>}
            </View>
            <Text className='tab-bar-label'>{tab.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
