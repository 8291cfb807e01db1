/** Session and UI state: who I am, and the large-font elder mode (适老化), kept across launches. */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { Me } from '../domain/account'
import { fetchMe } from '../services/account'

const ELDER_KEY = 'elder-mode'

interface SessionState {
  me?: Me
  elder: boolean
  loadMe(): Promise<Me>
  setMe(me: Me): void
  setElder(on: boolean): void
}

export const useSession = create<SessionState>((set) => ({
  me: undefined,
  elder: Boolean(Taro.getStorageSync(ELDER_KEY)),
  loadMe: async () => {
    const me = await fetchMe()
    set({ me })
    return me
  },
  setMe: (me) => set({ me }),
  setElder: (elder) => {
    Taro.setStorageSync(ELDER_KEY, elder ? 1 : '')
    set({ elder })
  },
}))
