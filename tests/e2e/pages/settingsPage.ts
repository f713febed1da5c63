/**
 * The Settings screen's clinic details card, driven by its labels (role-based
 * locators only). Labels are the English staff strings the app renders.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import type { ClinicDetails } from '../../../src/domain'
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
}
