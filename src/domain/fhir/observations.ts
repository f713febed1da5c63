/**
 * The intake's scores as FHIR R4 Observations with the LOINC codes the issue
 * names: the STarT Back panel (total, psychosocial subscore, risk group), the
 * PEG panel (its score) and pain now (NPRS). Each is derived from the
 * QuestionnaireResponse, so a receiver can see where the number came from.
 */
import type { CodeableConcept, Observation, Reference } from 'fhir/r4'
import { START_BACK_NOTICE } from '../catalogue'
import type { IntakeRecord } from '../records'
import type { StartBackScore } from '../types'
import {
  HL7,
  IDENTIFIER_SYSTEMS,
  LOINC,
  LOINC_SYSTEM,
  SCORE_UNIT,
  START_BACK_RISK_SYSTEM
} from './codes'
import { authoredAt } from './questionnaireResponse'
import { referenceTo } from './references'

/** What every score Observation of one intake shares. */
export interface ObservationContext {
  readonly record: IntakeRecord
  /** The Patient. */
  readonly subject: Reference
  /** The QuestionnaireResponse the scores were computed from. */
  readonly response: Reference
  /** A fresh resource id (a UUID) per call. */
  readonly newId: () => string
}

const RISK_DISPLAY: Readonly<Record<StartBackScore['risk'], string>> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk'
}

function loinc(code: string, text: string): CodeableConcept {
  return { coding: [{ system: LOINC_SYSTEM, code }], text }
}

/**
 * One Observation with what all of them share. `key` names it among the
 * intake's observations, so its identifier is stable from one export to the
 * next and a receiver can tell a re-import from a new result.
 */
function observation(
  context: ObservationContext,
  key: string,
  code: CodeableConcept,
  rest: Partial<Observation>
): Observation {
  const { record } = context
  return {
    resourceType: 'Observation',
    id: context.newId(),
    identifier: [{ system: IDENTIFIER_SYSTEMS.observation, value: `${record.id}/${key}` }],
    // An unfinished intake's scores may still change with its answers.
    status: record.status === 'submitted' ? 'final' : 'preliminary',
    category: [
      { coding: [{ system: HL7.observationCategory, code: 'survey', display: 'Survey' }] }
    ],
    code,
    subject: context.subject,
    effectiveDateTime: authoredAt(record),
    derivedFrom: [context.response],
    ...rest
  }
}

function score(value: number): Pick<Observation, 'valueQuantity'> {
  return { valueQuantity: { value, ...SCORE_UNIT } }
}

/** The Keele notice goes wherever the score is shown (spec §2). */
const KEELE_NOTE = [{ text: START_BACK_NOTICE }]

function startBackObservations(
  context: ObservationContext,
  startBack: StartBackScore
): Observation[] {
  const members = [
    observation(
      context,
      'start-back/total',
      loinc(LOINC.startBackTotal, 'STarT Back total score (0-9)'),
      { ...score(startBack.total), note: KEELE_NOTE }
    ),
    observation(
      context,
      'start-back/psychosocial',
      loinc(LOINC.startBackPsychosocial, 'STarT Back psychosocial subscore (0-5)'),
      { ...score(startBack.psychosocial), note: KEELE_NOTE }
    ),
    observation(context, 'start-back/risk', loinc(LOINC.startBackRisk, 'STarT Back risk group'), {
      valueCodeableConcept: {
        coding: [
          {
            system: START_BACK_RISK_SYSTEM,
            code: startBack.risk,
            display: RISK_DISPLAY[startBack.risk]
          }
        ],
        text: RISK_DISPLAY[startBack.risk]
      },
      note: KEELE_NOTE
    })
  ]
  const panel = observation(
    context,
    'start-back',
    loinc(LOINC.startBackPanel, 'STarT Back Screening Tool'),
    { hasMember: members.map(referenceTo), note: KEELE_NOTE }
  )
  return [panel, ...members]
}

function pegObservations(context: ObservationContext, peg: number): Observation[] {
  const member = observation(
    context,
    'peg/score',
    loinc(LOINC.pegScore, 'PEG score (mean of pain, enjoyment and activity, 0-10)'),
    score(peg)
  )
  const panel = observation(context, 'peg', loinc(LOINC.pegPanel, 'PEG 3-item pain scale'), {
    hasMember: [referenceTo(member)]
  })
  return [panel, member]
}

/**
 * The score Observations of one intake, panels before their members. A score
 * the intake does not have (an item missing) gives no Observation: "no
 * score" is never exported as a zero.
 */
export function buildScoreObservations(context: ObservationContext): Observation[] {
  const { scores } = context.record.evaluation
  return [
    ...(scores.startBack === null ? [] : startBackObservations(context, scores.startBack)),
    ...(scores.peg === null ? [] : pegObservations(context, scores.peg)),
    ...(scores.painNow === null
      ? []
      : [
          observation(
            context,
            'pain-now',
            loinc(LOINC.painNow, 'Pain right now (0-10 numeric rating scale)'),
            score(scores.painNow)
          )
        ])
  ]
}
