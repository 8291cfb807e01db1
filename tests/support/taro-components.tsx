/**
 * Stand-ins for @tarojs/components in the kit's jsdom tests: plain elements that keep the props a
 * person or a screen reader meets (class, role, aria-*, disabled, text, taps).
 */
import { createElement, type ReactNode } from 'react'

const kept = /^(className|role|id|children|onClick|disabled|loading|value|placeholder|src|aria-.*)$/

function host(tag: string) {
  return function Host(props: Record<string, unknown> & { children?: ReactNode }) {
    const attrs: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(props)) if (kept.test(name)) attrs[name === 'loading' ? 'data-loading' : name] = value
    return createElement(tag, attrs)
  }
}

export const View = host('div')
export const Text = host('span')
export const Button = host('button')
export const ScrollView = host('div')
export const Input = host('input')
export const Switch = host('input')
export const Picker = host('div')
export const Image = host('img')
