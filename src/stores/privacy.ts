/**
 * WeChat's privacy authorisation: when a private API (getLocation) needs consent, WeChat hands us
 * a resolver; the popup shows our notice and answers it with the person's choice.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void

interface PrivacyState {
  pending?: Resolve
  ask(resolve: Resolve): void
  answer(agree: boolean): void
}

export const AGREE_BUTTON_ID = 'agree-privacy'

export const usePrivacy = create<PrivacyState>((set, get) => ({
  pending: undefined,
  ask: (resolve) => {
    resolve({ event: 'exposureAuthorization' })
    set({ pending: resolve })
  },
  answer: (agree) => {
    get().pending?.(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' })
    set({ pending: undefined })
  },
}))

/** Called once at launch on weapp. */
export function listenForPrivacyRequests(): void {
  Taro.onNeedPrivacyAuthorization((resolve) => usePrivacy.getState().ask(resolve))
}
