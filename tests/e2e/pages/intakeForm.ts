/**
 * Drives the intake form the way a person does, by the labels on screen
 * (role-based locators only). Labels come from the same catalogue and
 * English messages the app renders, so a renamed question fails here loudly.
 */
import { TEST_ADMINISTRATOR } from '../../support/webApp'
import { expect, type Locator, type Page } from '@playwright/test'
import {
  CATALOGUE,
  START_BACK_WORDING,
  type AnswerValue,
  type CatalogueItem,
  type IntakeAnswers,
  type IntakeKind
} from '../../../src/domain'
import en from '../../../src/i18n/en'
import { stepsFor, type StepId } from '../../../src/form/steps'

type Messages = { readonly [key: string]: string | Messages }

/** An English message by its key path, e.g. `steps.about`. */
export function message(path: string): string {
  let node: string | Messages = en as unknown as Messages
  for (const part of path.split('.')) {
    if (typeof node === 'string' || !(part in node))
      throw new Error(`No English message at ${path}`)
    node = node[part] as string | Messages
  }
  if (typeof node !== 'string') throw new Error(`Message ${path} is not text`)
  return node
}

export function itemLabel(item: CatalogueItem): string {
  if (item.section === 'startBack')
    return START_BACK_WORDING.items[item.id as keyof typeof START_BACK_WORDING.items]
  return message(`${item.i18nKey}.label`)
}

export function optionLabel(item: CatalogueItem, code: string): string {
  if (item.section === 'startBack')
    return START_BACK_WORDING.codes[code as keyof typeof START_BACK_WORDING.codes]
  if (item.id === 'pain.regions') return message(`bodyMap.regions.${code}`)
  return message(`${item.i18nKey}.codes.${code}`)
}

export class IntakeForm {
  constructor(readonly page: Page) {}

  group(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true })
  }

  async startAsStaff(): Promise<void> {
    await this.page.getByRole('button', { name: 'New intake (staff with patient)' }).click()
    await this.page.getByRole('heading', { level: 1, name: 'About you' }).waitFor()
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next', exact: true }).click()
  }

  async answer(item: CatalogueItem, value: AnswerValue): Promise<void> {
    const label = itemLabel(item)
    switch (item.type) {
      case 'text':
        if (item.id === 'consent.signature') return this.sign()
        return this.page.getByRole('textbox', { name: label, exact: true }).fill(String(value))
      case 'date': {
        // Three boxes inside the question's group, typed in the English (day month year) order.
        const [year = '', month = '', day = ''] = String(value).split('-')
        const group = this.group(label)
        for (const [part, digits] of [
          ['day', day],
          ['month', month],
          ['year', year]
        ] as const) {
          await group
            .getByRole('textbox', { name: message(`dateField.${part}`), exact: true })
            .fill(digits)
        }
        return
      }
      case 'choice':
      case 'ynu':
        return this.group(label)
          .getByRole('radio', { name: optionLabel(item, String(value)), exact: true })
          .check()
      case 'scale':
        return this.group(label)
          .getByRole('radio', { name: String(value), exact: true })
          .check()
      case 'boolean':
        if (value !== true) return
        // The privacy box can be ticked only once its notice has been opened.
        if (item.id === 'consent.privacy') await this.openPrivacyNotice()
        await this.page.getByRole('checkbox', { name: label }).check()
        return
      case 'multi': {
        const list =
          item.id === 'pain.regions' ? this.group(message('bodyMap.listLabel')) : this.group(label)
        for (const code of value as readonly string[]) {
          await list.getByRole('checkbox', { name: optionLabel(item, code), exact: true }).check()
        }
        return
      }
    }
  }

  /** The privacy notice's button on the consent step (shown until the notice is opened). */
  privacyNoticeButton(): Locator {
    return this.page.getByRole('button', { name: message('privacyNotice.openNotice'), exact: true })
  }

  /** The opened privacy notice on the consent step: a scrollable region named by its heading. */
  privacyNoticeRegion(): Locator {
    return this.page.getByRole('region', { name: message('privacyNotice.title'), exact: true })
  }

  /** Opens the privacy notice on the consent step, unless it already is (Back and Next keep it open). */
  async openPrivacyNotice(): Promise<void> {
    await this.privacyNoticeButton().or(this.privacyNoticeRegion()).waitFor()
    if (await this.privacyNoticeButton().isVisible()) await this.privacyNoticeButton().click()
    await expect(this.privacyNoticeRegion()).toBeVisible()
  }

  /** Draws a short signature on the pad with the mouse. */
  async sign(): Promise<void> {
    const pad = this.page.getByLabel(message('signature.canvasLabel'))
    await pad.scrollIntoViewIfNeeded()
    const box = await pad.boundingBox()
    if (!box) throw new Error('The signature pad is not visible')
    const y = box.y + box.height / 2
    await this.page.mouse.move(box.x + 30, y)
    await this.page.mouse.down()
    for (let step = 1; step <= 12; step += 1) {
      await this.page.mouse.move(box.x + 30 + step * 20, y + (step % 2 === 0 ? -18 : 18))
    }
    await this.page.mouse.up()
  }

  /** Answers every item of the current step that `answers` holds (a follow-up's steps with `kind`). */
  async fillStep(
    stepId: string,
    answers: IntakeAnswers,
    kind: IntakeKind = 'initial'
  ): Promise<void> {
    const step = stepsFor(kind).find((candidate) => candidate.id === stepId)
    if (!step) throw new Error(`No step ${stepId}`)
    const language = answers['patient.preferredLanguage']
    if (stepId === 'about' && typeof language === 'string') {
      await this.group(message('language.choose'))
        .getByRole('radio', { name: message(`language.${language}`) })
        .check()
    }
    for (const item of step.items) {
      const value = answers[item.id]
      if (value !== undefined) await this.answer(item, value)
    }
  }

  /**
   * Fills the whole form from a golden case's answers, step by step, ending on the review step.
   * `onStep` runs on each filled step before Next (screenshots, accessibility scans).
   */
  async fillAll(
    answers: IntakeAnswers,
    options: { onStep?: (stepId: StepId) => Promise<void>; kind?: IntakeKind } = {}
  ): Promise<void> {
    await this.fillUntil('review', answers, options)
  }

  /** Fills every step before `target` from `answers` and stops on `target` (its heading shown, nothing filled). */
  async fillUntil(
    target: StepId,
    answers: IntakeAnswers,
    options: { onStep?: (stepId: StepId) => Promise<void>; kind?: IntakeKind } = {}
  ): Promise<void> {
    for (const step of stepsFor(options.kind ?? 'initial')) {
      if (step.id === target) break
      await this.stepHeading(step.id).waitFor()
      await this.fillStep(step.id, answers, options.kind)
      await options.onStep?.(step.id)
      await this.next()
    }
    await this.stepHeading(target).waitFor()
  }

  /** The level-1 heading of a step, in English. */
  stepHeading(stepId: StepId): Locator {
    return this.page.getByRole('heading', {
      level: 1,
      name: message(`steps.${stepId}`),
      exact: true
    })
  }

  /** The staff navigation landmark ('Main'), absent in patient mode. */
  staffNavigation(): Locator {
    return this.page.getByRole('navigation', { name: message('nav.main'), exact: true })
  }

  saveStatus(): Locator {
    return this.page.getByTestId('save-status')
  }

  /** Starts an intake in patient mode. */
  async startAsPatient(): Promise<void> {
    const start = this.page.getByRole('button', { name: 'New intake (hand to patient)' })
    if ((await start.count()) === 0) {
      await this.staffNavigation().getByRole('link', { name: 'Start', exact: true }).click()
    }
    await this.page.getByRole('button', { name: 'New intake (hand to patient)' }).click()
    await this.stepHeading('about').waitFor()
  }

  /**
   * Signs a member of staff in at the staff prompt of patient mode (already
   * open): the test administrator's name with the given password or PIN.
   */
  async enterPin(secret: string, name: string = TEST_ADMINISTRATOR.name): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Your name', exact: true }).fill(name)
    await this.page.getByLabel('Password or PIN', { exact: true }).fill(secret)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }

  /** Leaves patient mode from the form with a staff sign-in. */
  async leavePatientMode(secret: string = TEST_ADMINISTRATOR.secret): Promise<void> {
    await this.page.getByRole('button', { name: 'Leave patient mode', exact: true }).click()
    await this.enterPin(secret)
  }

  /** The id of the intake the page shows (form or detail view). */
  intakeId(): string {
    const match = /#\/intakes?\/([0-9a-f-]{36})/.exec(this.page.url())
    if (!match?.[1]) throw new Error(`No intake id in ${this.page.url()}`)
    return match[1]
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Submit', exact: true }).click()
  }
}

export const ITEM_IDS = CATALOGUE.map((item) => item.id)
