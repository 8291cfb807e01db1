/** Renders React into jsdom for the kit's tests, with act() around every change. */
import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export interface Rendered {
  container: HTMLElement
  text(): string
  rerender(ui: ReactNode): Promise<void>
  click(selector: string): Promise<void>
  unmount(): void
}

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div')
  document.body.appendChild(container)
  let root: Root
  await act(async () => {
    root = createRoot(container)
    root.render(ui)
  })
  return {
    container,
    text: () => container.textContent ?? '',
    rerender: (next) => act(async () => root.render(next)),
    click: (selector) => act(async () => (container.querySelector(selector) as HTMLElement).click()),
    unmount: () => act(() => root.unmount()),
  }
}

/** Lets pending promises settle inside act(). */
export const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)))

/** Runs a page event's handlers (or any other outside change) inside act(), as React expects. */
export const inAct = (change: () => void) => act(async () => change())
