/**
 * Records for the PDF summary tests and benchmark, made from the golden cases
 * (realistic answers) with a drawn signature, as the intake service stores them.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  evaluateIntake,
  ruleDifferences,
  type AnswerValue,
  type ClinicDetails,
  type IntakeAnswers,
  type IntakeEvaluation,
  type IntakeRecord
} from '../../../../../src/domain'
import { copyFonts } from '../../../../../scripts/fonts.mjs'
import type { SummaryInput } from '../../../../../electron/main/services/pdf/summaryDocument'

export const ROOT = resolve(import.meta.dirname, '../../../../..')
/** The fonts as the app reads them; copied from their npm packages if a checkout lacks them. */
export const FONT_DIR = copyFonts(join(ROOT, 'resources', 'fonts'))

/** A signature as the pad stores it: SVG path data of two strokes. */
export const SIGNATURE =
  'M12 40L15 38L19 35L25 30L31 28L36 30L40 36L41 42L38 46M60 42L61 44L66 40L72 30L78 26L84 30L88 38L92 41L99 36'

export const CLINIC: ClinicDetails = {
  name: 'Riverside Physiotherapy & Chiropractic',
  address: '12 High Street\nLeeds LS1 4AP',
  phone: '0113 496 0000'
}

interface GoldenCase {
  readonly asOf: string
  readonly answers: IntakeAnswers
}

function goldenCase(name: string): GoldenCase {
  return JSON.parse(
    readFileSync(join(ROOT, 'tests', 'fixtures', 'cases', `${name}.json`), 'utf8')
  ) as GoldenCase
}

/**
 * A submitted record of a golden case, signed, with any answers overridden
 * (`undefined` removes one).
 */
export function caseRecord(
  name: string,
  overrides: Readonly<Record<string, AnswerValue | undefined>> = {},
  extra: Partial<IntakeRecord> = {}
): IntakeRecord {
  const golden = goldenCase(name)
  const merged: Record<string, AnswerValue> = {
    'consent.signedBy': 'Maya Okafor',
    'consent.signature': SIGNATURE,
    ...golden.answers
  }
  for (const [id, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[id]
    else merged[id] = value
  }
  const evaluation: IntakeEvaluation = evaluateIntake(merged, { asOf: golden.asOf })
  return {
    id: '5b0c5a4e-2f43-4e59-9a37-0d1c7d1f3a10',
    status: 'submitted',
    formVersion: 2,
    answers: merged,
    evaluation,
    currentRules: null,
    redFlagHistory: [],
    triage: [],
    patientId: null,
    revision: 4,
    createdAt: `${golden.asOf}T09:02:00.000Z`,
    updatedAt: `${golden.asOf}T09:24:00.000Z`,
    submittedAt: `${golden.asOf}T09:24:00.000Z`,
    ...extra
  }
}

/** A version 1 record: no rf.darkUrine, its snapshot under rules 1, and today's reading of it. */
export function versionOneRecord(name: string): IntakeRecord {
  const record = caseRecord(name, { 'rf.darkUrine': undefined })
  const stored: IntakeEvaluation = { ...record.evaluation, rulesVersion: 1, flags: [] }
  return {
    ...record,
    formVersion: 1,
    evaluation: stored,
    currentRules:
      record.evaluation.flags.length === 0
        ? null
        : {
            rulesVersion: 2,
            evaluation: record.evaluation,
            differences: ruleDifferences(stored, record.evaluation)
          }
  }
}

/** The summary input of a record, with fixed clinic details and time. */
export function summaryInput(record: IntakeRecord, pageSize: 'A4' | 'LETTER' = 'A4'): SummaryInput {
  return {
    record,
    clinic: CLINIC,
    settings: { pageSize, includeContactDetails: false },
    generatedAt: '2026-11-20T10:15:00.000Z'
  }
}

/** The typical intake: a DOMS-like strain after deadlifts, no flags. */
export const typicalRecord = (): IntakeRecord =>
  caseRecord('doms-routine', {
    'patient.occupation': 'Warehouse operative, lifts boxes up to 25 kg',
    'history.medications': 'Ibuprofen 400 mg as needed',
    'history.treatmentsTried': ['rest', 'nsaids'],
    'history.anticoagulants': 'no',
    'goals.text': 'Deadlift 140 kg again by the spring competition.',
    'complaint.onsetDate': '2026-11-18'
  })

/** The emergency intake: cauda equina signs. */
export const emergencyRecord = (): IntakeRecord => caseRecord('cauda-equina-emergency')

/** The complex intake: every flag at once, long answers. */
export const complexRecord = (): IntakeRecord =>
  caseRecord('everything-at-once', {
    'history.medications':
      'Apixaban 5 mg twice daily; prednisolone 10 mg daily since March; omeprazole 20 mg; paracetamol 1 g up to four times a day',
    'history.surgeries': 'Right knee arthroscopy 2015; appendicectomy 1990',
    'history.conditions': ['diabetes', 'heart-disease', 'psoriasis'],
    'history.anticoagulants': 'yes',
    'goals.text': 'Walk the dog for half an hour without stopping, and garden again.',
    'patient.occupation': 'Retired bus driver'
  })

/** A patient with a Chinese name who answered in Chinese. */
export const chineseRecord = (): IntakeRecord =>
  caseRecord('doms-routine', {
    'patient.givenName': '小明',
    'patient.familyName': '王',
    'patient.preferredLanguage': 'zh',
    'consent.signedBy': '王小明',
    'complaint.description': '硬拉后第二天腰部酸痛，弯腰时更明显。',
    'goals.text': '希望下个月能恢复训练。'
  })
