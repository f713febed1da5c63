/**
 * Records for the PDF summary tests and benchmark, made from the golden cases
 * (realistic answers) with a drawn signature, as the intake service stores them.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  RED_FLAG_ITEMS,
  evaluateAnswers,
  evaluateIntake,
  ruleDifferences,
  visitOf,
  type AnswerValue,
  type ClinicDetails,
  type IntakeAnswers,
  type IntakeEvaluation,
  type IntakeRecord,
  type PatientVisit
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
    kind: 'initial',
    followUp: null,
    amendments: [],
    visits: [],
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

/** A patient's three visits, a week apart: the first intake (the typical one) and two follow-ups. */
export const VISIT_IDS = {
  first: '5b0c5a4e-2f43-4e59-9a37-0d1c7d1f3a10',
  second: '6c1d6b5f-3a54-4f6a-8b48-1e2d8e2a4b21',
  third: '7d2e7c6a-4b65-4a7b-9c59-2f3e9f3b5c32'
} as const

const PATIENT_ID = '8e3f8d7b-5c76-4b8c-8d6a-3a4fa04c6d43'

/** A follow-up's answers: the identity, the scores, every red flag no, and the change. */
function followUpAnswers(scores: Readonly<Record<string, AnswerValue>>): IntakeAnswers {
  return {
    'patient.givenName': 'Maya',
    'patient.familyName': 'Okafor',
    'patient.dateOfBirth': '1996-03-14',
    ...Object.fromEntries(RED_FLAG_ITEMS.map(([id]) => [id, 'no'])),
    ...Object.fromEntries(
      ['sb.1', 'sb.2', 'sb.3', 'sb.4', 'sb.5', 'sb.6', 'sb.7', 'sb.8'].map((id) => [id, 'disagree'])
    ),
    'sb.9': 'slightly',
    ...scores
  }
}

function followUpOn(
  id: string,
  day: string,
  previousIntakeId: string,
  scores: Readonly<Record<string, AnswerValue>>
): IntakeRecord {
  const answers = followUpAnswers(scores)
  return {
    ...caseRecord('doms-routine'),
    id,
    kind: 'follow-up',
    followUp: {
      patientId: PATIENT_ID,
      previousIntakeId,
      confirmedBy: { id: 'staff-1', name: 'Cleo Park' }
    },
    patientId: PATIENT_ID,
    answers,
    evaluation: evaluateAnswers(answers, { asOf: day, kind: 'follow-up' }),
    createdAt: `${day}T09:02:00.000Z`,
    updatedAt: `${day}T09:14:00.000Z`,
    submittedAt: `${day}T09:14:00.000Z`
  }
}

/**
 * The three visits as records, oldest first: the typical first intake (pain 3,
 * worst 5), a follow-up a week later that got worse and left "worst pain"
 * unanswered (a gap in its line), and one a week after that, much better.
 */
function threeVisitRecords(): [IntakeRecord, IntakeRecord, IntakeRecord] {
  const first: IntakeRecord = { ...typicalRecord(), patientId: PATIENT_ID }
  const second = followUpOn(VISIT_IDS.second, '2026-11-27', VISIT_IDS.first, {
    'pain.now': 6,
    'peg.pain': 6,
    'peg.enjoyment': 5,
    'peg.activity': 5,
    'sb.1': 'agree',
    'sb.4': 'agree',
    'sb.5': 'agree',
    'sb.6': 'agree',
    'followUp.change': 'worse'
  })
  const third = followUpOn(VISIT_IDS.third, '2026-12-04', VISIT_IDS.second, {
    'pain.now': 1,
    'pain.worst': 2,
    'peg.pain': 1,
    'peg.enjoyment': 1,
    'peg.activity': 2,
    'followUp.change': 'much-better'
  })
  return [first, second, third]
}

/** The patient's visits as every one of the three records carries them. */
export function threeVisits(): PatientVisit[] {
  return threeVisitRecords().map((record) =>
    visitOf(
      { intakeId: record.id, kind: record.kind, submittedAt: record.submittedAt ?? '' },
      record.evaluation,
      record.answers
    )
  )
}

/** The last of the three visits: a follow-up, much better, with all three visits on it. */
export function followUpRecord(): IntakeRecord {
  return { ...threeVisitRecords()[2], visits: threeVisits() }
}

/** The first of the three visits, read after the follow-ups: the visits are on it too. */
export function firstOfThreeRecord(): IntakeRecord {
  return { ...threeVisitRecords()[0], visits: threeVisits() }
}
