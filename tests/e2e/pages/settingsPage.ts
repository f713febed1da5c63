/**
 * The Settings screen's clinic details and privacy notice cards, driven by their labels (role-based
 * locators only). Labels are the English staff strings the app renders.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import type { ClinicDetails, PrivacyNoticeLanguage } from '../../../src/domain'
import staff from '../../../src/i18n/staff'

const TEXT = staff.staff.settings

export class SettingsPage {
  constructor(readonly page: Page) {}

  /** Opens Settings through the staff navigation. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main', exact: true })
      .getByRole('link', { name: 'Settings', exact: true })
      .click()
    await expect(this.page.getByRole('heading', { level: 1, name: TEXT.title })).toBeVisible()
  }

  /** The clinic details card (a region named by its heading). */
  clinicCard(): Locator {
    return this.page.getByRole('region', { name: TEXT.clinicTitle, exact: true })
  }

  clinicName(): Locator {
    return this.clinicCard().getByRole('textbox', { name: TEXT.clinicName, exact: true })
  }

  clinicAddress(): Locator {
    return this.clinicCard().getByRole('textbox', { name: TEXT.clinicAddress, exact: true })
  }

  clinicPhone(): Locator {
    return this.clinicCard().getByRole('textbox', { name: TEXT.clinicPhone, exact: true })
  }

  /** Types the three details (replacing what the fields held) and presses Save. */
  async saveClinicDetails(details: ClinicDetails): Promise<void> {
    await this.clinicName().fill(details.name)
    await this.clinicAddress().fill(details.address)
    await this.clinicPhone().fill(details.phone)
    await this.clinicCard().getByRole('button', { name: TEXT.saveClinic, exact: true }).click()
  }

  /** The confirmation a successful save shows. */
  clinicSaved(): Locator {
    return this.clinicCard().getByRole('status').filter({ hasText: TEXT.clinicSaved })
  }

  /** The privacy notice card (a region named by its heading). */
  privacyCard(): Locator {
    return this.page.getByRole('region', { name: TEXT.privacyTitle, exact: true })
  }

  /** The notice text of one language. */
  privacyText(language: PrivacyNoticeLanguage): Locator {
    return this.privacyCard().getByRole('textbox', {
      name: TEXT.privacyLanguages[language],
      exact: true
    })
  }

  /** The "Reset to default" button of one language. */
  privacyReset(language: PrivacyNoticeLanguage): Locator {
    return this.privacyCard().getByRole('button', {
      name: TEXT.privacyResetLabel.replace('{language}', TEXT.privacyLanguages[language]),
      exact: true
    })
  }

  /** Presses Save in the privacy notice card. */
  async savePrivacyNotice(): Promise<void> {
    await this.privacyCard().getByRole('button', { name: TEXT.savePrivacy, exact: true }).click()
  }

  /** The confirmation a successful privacy notice save shows. */
  privacySaved(): Locator {
    return this.privacyCard().getByRole('status').filter({ hasText: TEXT.privacySaved })
  }
}
