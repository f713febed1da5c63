/**
 * The red flags of an intake as FHIR R4 Flags: one per flagged condition, its
 * level as the priority, and every answer or derived value behind it, both as
 * data (an extension per trigger, naming the QuestionnaireResponse linkId) and
 * in the narrative a receiver shows to a person.
 */
import type { Extension, Flag, Reference } from 'fhir/r4'
import {
  CONCERN_LABELS,
  CONDITION_LABELS,
  flagTriggerLines,
  formatTriggerLine
} from '../clinicianText'
import type { IntakeRecord } from '../records'
import type { Flag as IntakeFlag, FlagLevel } from '../types'
import { APP_EXTENSIONS, FLAG_CONDITION_SYSTEM, HL7, IDENTIFIER_SYSTEMS } from './codes'
import { authoredAt } from './questionnaireResponse'

/** What every Flag of one intake shares. */
export interface FlagContext {
  readonly record: IntakeRecord
  /** The Patient. */
  readonly subject: Reference
  /** The QuestionnaireResponse holding the answers behind the flags. */
  readonly response: Reference
  /** A fresh resource id (a UUID) per call. */
  readonly newId: () => string
}

/**
 * The screen's levels on FHIR's flag priority scale (PN no alarm, PL low, PM
 * medium, PH high). `review` is noted for the clinician with no urgency by
 * itself, so it is low; an emergency is high.
 */
export const PRIORITY_OF_LEVEL: Readonly<
  Record<FlagLevel, { readonly code: 'PL' | 'PM' | 'PH'; readonly display: string }>
> = {
  review: { code: 'PL', display: 'Low priority' },
  urgent: { code: 'PM', display: 'Medium priority' },
  emergency: { code: 'PH', display: 'High priority' }
}

function escapeXhtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

function triggerExtensions(flag: IntakeFlag, record: IntakeRecord): Extension[] {
  return flagTriggerLines(flag, record.answers, record.evaluation.age).map((line) => ({
    url: APP_EXTENSIONS.flagTrigger,
    extension: [
      // The item id is the QuestionnaireResponse linkId; a derived value (`age`,
      // `onsetAge`, `noImprovement`) has no item and is named as the engine names it.
      { url: 'item', valueString: line.id },
      { url: 'label', valueString: line.label },
      ...(line.value === null ? [] : [{ url: 'answer', valueString: line.value }]),
      ...(line.unsure ? [{ url: 'unsure', valueBoolean: true }] : [])
    ]
  }))
}

/** What a person reading the receiving system sees: the flag, why, and what to do. */
function narrative(flag: IntakeFlag, record: IntakeRecord): string {
  const lines = flagTriggerLines(flag, record.answers, record.evaluation.age)
  const heading = `${CONDITION_LABELS[flag.condition]}: ${CONCERN_LABELS[flag.level]}`
  const uncertain = flag.uncertain
    ? '<p>Uncertain: “not sure” answers raised this flag. Ask the patient.</p>'
    : ''
  const reasons = lines.map((line) => `<li>${escapeXhtml(formatTriggerLine(line))}</li>`).join('')
  return (
    '<div xmlns="http://www.w3.org/1999/xhtml">' +
    `<p><b>${escapeXhtml(heading)}</b></p>` +
    uncertain +
    `<ul>${reasons}</ul>` +
    `<p>${escapeXhtml(flag.recommendation)}</p>` +
    '</div>'
  )
}

function buildFlag(context: FlagContext, flag: IntakeFlag): Flag {
  const { record } = context
  const priority = PRIORITY_OF_LEVEL[flag.level]
  return {
    resourceType: 'Flag',
    id: context.newId(),
    text: { status: 'generated', div: narrative(flag, record) },
    extension: [
      { url: APP_EXTENSIONS.flagLevel, valueCode: flag.level },
      {
        url: HL7.flagPriority,
        valueCodeableConcept: {
          coding: [{ system: HL7.flagPriorityCodes, ...priority }],
          text: CONCERN_LABELS[flag.level]
        }
      },
      { url: APP_EXTENSIONS.flagUncertain, valueBoolean: flag.uncertain },
      { url: APP_EXTENSIONS.flagRecommendation, valueString: flag.recommendation },
      { url: APP_EXTENSIONS.rulesVersion, valueInteger: record.evaluation.rulesVersion },
      ...triggerExtensions(flag, record),
      // The answers behind the flag: the response they are in.
      { url: HL7.flagDetail, valueReference: context.response }
    ],
    identifier: [{ system: IDENTIFIER_SYSTEMS.flag, value: `${record.id}/flag/${flag.condition}` }],
    status: 'active',
    category: [{ coding: [{ system: HL7.flagCategory, code: 'clinical', display: 'Clinical' }] }],
    code: {
      coding: [
        {
          system: FLAG_CONDITION_SYSTEM,
          code: flag.condition,
          display: CONDITION_LABELS[flag.condition]
        }
      ],
      text: CONDITION_LABELS[flag.condition]
    },
    subject: context.subject,
    period: { start: authoredAt(record) }
  }
}

/** One Flag per flagged condition of the intake's evaluation (the stored snapshot once submitted). */
export function buildFlags(context: FlagContext): Flag[] {
  return context.record.evaluation.flags.map((flag) => buildFlag(context, flag))
}
