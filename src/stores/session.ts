/** Session and UI state: who I am, and the large-font elder mode (适老化), kept across launches. */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { Me } from '../domain/account'
import { fetchMe } from '../services/account'

const ELDER_KEY = 'elder-mode'

/**
 * Elder mode beyond the page frame: on h5 the tab bar is Taro's DOM, outside every page, so the
 * document carries the class too (app.css). WeChat's native tab bar takes no font size: the weapp
 * draws its own (src/custom-tab-bar), which reads `elder` from this store.
 */
function applyElderToChrome(on: boolean) {
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('elder-mode', on)
}
const elderAtLaunch = Boolean(Taro.getStorageSync(ELDER_KEY))
applyElderToChrome(elderAtLaunch)

interface SessionState {
  me?: Me
  elder: boolean
  loadMe(): Promise<Me>
  setMe(me: Me): void
  setElder(on: boolean): void
}

export const useSession = create<SessionState>((set) => ({
  me: undefined,
  elder: elderAtLaunch,
  loadMe: async () => {
    const me = await fetchMe()
    set({ me })
    return me
  },
  setMe: (me) => set({ me }),
  setElder: (elder) => {
    Taro.setStorageSync(ELDER_KEY, elder ? 1 : '')
    applyElderToChrome(elder)
    set({ elder })
  },
}))
