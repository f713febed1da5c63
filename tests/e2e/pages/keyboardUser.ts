/**
 * A person using the keyboard alone: Tab / Shift+Tab to reach a control, Space, Enter, arrow keys
 * and typing to use it. Locators only find the target and read where focus is; every action is a
 * key press.
 */
import type { ElementHandle, Locator, Page } from '@playwright/test'

const MAX_PRESSES = 200

export class KeyboardUser {
  /** Keys pressed so far (for the test's own report). */
  presses = 0

  constructor(readonly page: Page) {}

  private async press(key: string): Promise<void> {
    this.presses += 1
    await this.page.keyboard.press(key)
  }

  /** Where focus is, for error messages. */
  private async focusedDescription(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement
      if (!el) return 'nothing'
      const label =
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        ''
      return `<${el.tagName.toLowerCase()}${el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : ''}> "${label.trim().slice(0, 60)}"`
    })
  }

  /**
   * Tabs forwards or backwards (whichever way `target` lies from the focus) until `isThere` says
   * focus has arrived. The target is resolved once, by the caller: re-running a role query after
   * every key press would make a whole intake crawl.
   */
  private async tabUntil(
    target: ElementHandle,
    isThere: (el: Element) => boolean,
    what: string
  ): Promise<void> {
    const backwards = await target.evaluate((el) => {
      const active = document.activeElement
      if (!active || active === document.body) return false
      return Boolean(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING)
    })
    for (let count = 0; count < MAX_PRESSES; count += 1) {
      if (await target.evaluate(isThere)) return
      await this.press(backwards ? 'Shift+Tab' : 'Tab')
    }
    throw new Error(
      `Could not reach ${what} with the keyboard; focus is on ${await this.focusedDescription()}`
    )
  }

  private async resolve(target: Locator): Promise<ElementHandle> {
    const element = await target.elementHandle()
    if (!element) throw new Error(`No element for ${target.toString()}`)
    return element
  }

  /** Moves focus to `target` with Tab or Shift+Tab. */
  async tabTo(target: Locator): Promise<void> {
    const element = await this.resolve(target)
    try {
      await this.tabUntil(element, (el) => el === document.activeElement, target.toString())
    } finally {
      await element.dispose()
    }
  }

  /** Presses a button (or follows a link) with Enter. */
  async activate(target: Locator): Promise<void> {
    await this.tabTo(target)
    await this.press('Enter')
  }

  /** Ticks or unticks a checkbox with Space. */
  async toggle(checkbox: Locator): Promise<void> {
    await this.tabTo(checkbox)
    await this.press('Space')
  }

  /** Types into an empty text field. */
  async type(textbox: Locator, text: string): Promise<void> {
    await this.tabTo(textbox)
    await this.page.keyboard.type(text)
    this.presses += text.length
  }

  /**
   * Types a date (YYYY-MM-DD) into the form's day, month and year boxes (English order: day,
   * month, year). Tab reaches the first box; each box moves on by itself once full.
   */
  async typeDate(group: Locator, iso: string): Promise<void> {
    const [year = '', month = '', day = ''] = iso.split('-')
    await this.tabTo(group.getByRole('textbox', { name: 'Day', exact: true }))
    for (const digits of [day, month, year]) {
      await this.page.keyboard.type(digits)
      this.presses += digits.length
    }
  }

  /**
   * Chooses one radio the way the keyboard does: Tab into its group (focus lands on the checked
   * radio, or the first/last one), then arrow keys, which also select; Space when focus is already
   * on the wanted radio.
   */
  async choose(option: Locator): Promise<void> {
    const radio = await this.resolve(option)
    try {
      const inGroup = (el: Element) => {
        const active = document.activeElement
        return (
          active instanceof HTMLInputElement &&
          active.type === 'radio' &&
          active.name === (el as HTMLInputElement).name
        )
      }
      await this.tabUntil(radio, inGroup, option.toString())
      const { from, to, checked } = await radio.evaluate((wanted) => {
        const input = wanted as HTMLInputElement
        const all = Array.from(
          document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${input.name}"]`)
        )
        return {
          from: all.indexOf(document.activeElement as HTMLInputElement),
          to: all.indexOf(input),
          checked: input.checked
        }
      })
      if (from === to) {
        if (!checked) await this.press('Space')
        return
      }
      const key = to > from ? 'ArrowRight' : 'ArrowLeft'
      for (let step = 0; step < Math.abs(to - from); step += 1) await this.press(key)
    } finally {
      await radio.dispose()
    }
  }
}
