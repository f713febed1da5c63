/** Helpers the specs share: golden cases from the repo's fixtures, and reading what the app stored. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { IntakeAnswers, IntakeRecord } from '../../src/domain'

export interface GoldenCase {
  name: string
  asOf: string
  answers: IntakeAnswers
  expect: { concern: string; flags: { condition: string; level: string }[]; patterns: string[] }
}

export function goldenCase(name: string): GoldenCase {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/cases', `${name}.json`), 'utf8')
  ) as GoldenCase
}

/** The record as the main process holds it, read through the page's own `window.api`. */
export async function storedIntake(page: Page, id: string): Promise<IntakeRecord> {
  const result = await page.evaluate((intakeId) => window.api.getIntake({ id: intakeId }), id)
  if (!result.ok)
    throw new Error(`getIntake(${id}) failed: ${result.error.code}: ${result.error.message}`)
  return result.value
}

/** Flags as a sorted list of `condition:level`, for comparing as a set. */
export function flagSet(flags: readonly { condition: string; level: string }[]): string[] {
  return flags.map((flag) => `${flag.condition}:${flag.level}`).sort()
}

/**
 * Creates an intake through the API (no UI), optionally submitted; for specs whose subject is a
 * screen that needs a record to show, not the entry of one.
 */
export async function seedIntake(
  page: Page,
  answers: IntakeAnswers,
  options: { submit?: boolean } = {}
): Promise<string> {
  return page.evaluate(
    async ({ answers: initial, submit }) => {
      const created = await window.api.createDraft({ answers: initial, entryMode: 'staff' })
      if (!created.ok) throw new Error(created.error.message)
      if (submit) {
        const submitted = await window.api.submitIntake({
          id: created.value.id,
          revision: created.value.revision,
          answers: initial
        })
        if (!submitted.ok) throw new Error(submitted.error.message)
      }
      return created.value.id
    },
    { answers, submit: options.submit ?? false }
  )
}

/** Keeps only the answers whose item ids start with one of `prefixes`. */
export function answersOf(answers: IntakeAnswers, ...prefixes: string[]): IntakeAnswers {
  return Object.fromEntries(
    Object.entries(answers).filter(([id]) => prefixes.some((prefix) => id.startsWith(prefix)))
  )
}
