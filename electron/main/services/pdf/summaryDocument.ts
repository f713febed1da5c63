/**
 * The PDF summary as a pdfmake document definition: a pure function of the
 * stored record (answers and evaluation), the clinic's details and the PDF
 * settings, so unit tests can read what will be printed without rendering.
 *
 * Sections come in the order a clinician needs them between two patients:
 * header, red flags, the episode, where it hurts, scores, patterns, history
 * and goals, consent. Everything a person typed becomes a `text` node (split
 * into runs per font by {@link textRuns}); drawings are SVG built from numbers.
 */
import type {
  Column,
  Content,
  ContentText,
  TDocumentDefinitions,
  TableCell
} from 'pdfmake/interfaces'
import {
  CONCERN_LABELS,
  CONDITION_LABELS,
  NOTICE_TEXT,
  PATTERN_LABELS,
  TRIAGE_DECISION_LABELS,
  flagTriggerLines,
  triggerLine,
  type TriggerLine
} from '../../../../src/domain/clinicianText'
import { answerText } from '../../../../src/domain/answerText'
import {
  NAME_MAX_LENGTH,
  RED_FLAG_ITEMS,
  START_BACK_NOTICE,
  catalogueItem
} from '../../../../src/domain/catalogue'
import type { ClinicDetails } from '../../../../src/domain/clinicDetails'
import type { PdfSettings } from '../../../../src/domain/pdfSettings'
import { itemsAddedSince, type IntakeRecord } from '../../../../src/domain/records'
import type { Flag, FlagLevel, IntakeAnswers } from '../../../../src/domain/types'
import type { FontCoverage } from './fonts'
import { textRuns } from './pdfText'
import { bodyMapSvg, signatureSvg } from './summarySvg'
import { VISIT_TABLE_HEAD, visitRows, visitsChartSvg } from './visitsChart'

/** What one summary is made from. */
export interface SummaryInput {
  readonly record: IntakeRecord
  readonly clinic: ClinicDetails
  readonly settings: PdfSettings
  /** When the summary is generated (ISO-8601 instant), printed in the footer. */
  readonly generatedAt: string
}

export interface SummaryOptions {
  /** Which characters each font draws (see loadFontCoverage). */
  readonly coverage: FontCoverage
  /** IANA time zone for the times printed; the machine's own by default. */
  readonly timeZone?: string
  /** Leave the drawn signature out (used when an image signature could not be decoded). */
  readonly omitSignatureImage?: boolean
}

/** The sections in print order; each heading's style list names its section (`section-<name>`) for tests. */
export const SUMMARY_SECTIONS = [
  'header',
  'triage',
  'redFlags',
  'episode',
  'pain',
  'scores',
  'visits',
  'patterns',
  'history',
  'consent'
] as const

export type SummarySection = (typeof SUMMARY_SECTIONS)[number]

const LEVEL_ORDER: Readonly<Record<FlagLevel, number>> = { emergency: 0, urgent: 1, review: 2 }
const RED_FLAG_LABELS: ReadonlyMap<string, string> = new Map(RED_FLAG_ITEMS)
const PSYCHOSOCIAL_ITEMS = ['sb.5', 'sb.6', 'sb.7', 'sb.8'] as const
const NEURO_QUALITIES = ['shooting', 'tingling', 'numbness', 'burning'] as const
const NEURO_ITEMS = ['rf.bothLegs', 'rf.legWeakness', 'rf.saddleNumbness'] as const
const LABEL_WIDTH = 118
/** Left, top, right, bottom, in points. */
const PAGE_MARGINS: [number, number, number, number] = [40, 36, 40, 44]
const PAGE_WIDTHS: Readonly<Record<PdfSettings['pageSize'], number>> = { A4: 595.28, LETTER: 612 }

/** Builds text nodes whose runs each name the font that draws them. */
class Writer {
  constructor(private readonly coverage: FontCoverage) {}

  /** Inline runs for a string, each in the font that draws it. */
  runs(value: string, style: Omit<ContentText, 'text'> = {}): ContentText[] {
    return textRuns(value, this.coverage).map((run) => ({ ...style, ...run }))
  }

  /**
   * A text node for any string, fixed wording or typed by a person alike. A
   * string in one font stays one plain string: fewer inline objects for
   * pdfmake to measure.
   */
  text(value: string, style: Omit<ContentText, 'text'> = {}): ContentText {
    const runs = textRuns(value, this.coverage)
    const only = runs.length === 1 ? runs[0] : undefined
    if (runs.length === 0) return { ...style, text: '' }
    if (only !== undefined)
      return only.font === 'NotoSans'
        ? { ...style, text: only.text }
        : { ...style, text: only.text, font: only.font }
    return { ...style, text: runs.map((run) => ({ ...run })) }
  }
}

function answerString(answers: IntakeAnswers, id: string): string | null {
  const value = answers[id]
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function answerList(answers: IntakeAnswers, id: string): readonly string[] {
  const value = answers[id]
  return Array.isArray(value) ? value : []
}

/**
 * An answer in the words the record screen and the FHIR export use too
 * ({@link answerText}); `null` when not answered.
 */
function labelled(answers: IntakeAnswers, id: string, relativeTo?: string): string | null {
  const value = answers[id]
  if (value === undefined) return null
  return answerText(id, value, relativeTo === undefined ? {} : { relativeTo })
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: building an Intl formatter costs more than using it. */
function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let formatter = FORMATTERS.get(key)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      ...(timeZone ? { timeZone } : {}),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
    FORMATTERS.set(key, formatter)
  }
  return formatter
}

/** `YYYY-MM-DD` and `HH:MM` of an instant in a time zone. */
function localParts(iso: string, timeZone: string | undefined): { date: string; time: string } {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return { date: iso.slice(0, 10), time: '' }
  const parts = formatterFor(timeZone).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((entry) => entry.type === type)?.value ?? ''
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`
  }
}

/** A name no longer than the form allows (a stored value never is; a damaged one is cut, marked by an ellipsis). */
function clip(text: string | null, max: number): string | null {
  if (text === null) return null
  const characters = [...text]
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`
}

/** The patient's name as a clinic files it: `Family, Given`. */
export function patientFileName(answers: IntakeAnswers): string {
  const family = clip(answerString(answers, 'patient.familyName'), NAME_MAX_LENGTH)
  const given = clip(answerString(answers, 'patient.givenName'), NAME_MAX_LENGTH)
  return [family, given].filter((part) => part !== null).join(', ') || 'Name not given'
}

/** The local calendar day (`YYYY-MM-DD`) of an instant, in `timeZone` or the machine's own. */
export function localDay(iso: string, timeZone?: string): string {
  return localParts(iso, timeZone).date
}

/** The calendar day the intake belongs to: submission, or creation for a draft. */
export function intakeDate(record: IntakeRecord, timeZone?: string): string {
  return localDay(record.submittedAt ?? record.createdAt, timeZone)
}

/**
 * The red-flag items this record's form asked, with how they were answered.
 * A record kept under form version 1 was never asked the questions added
 * since (rf.darkUrine), so they are not counted against it, unless answered.
 */
export function redFlagTally(record: IntakeRecord): {
  asked: number
  no: number
  notApplicable: number
  unanswered: number
  positive: string[]
} {
  const added = new Set(itemsAddedSince(record.formVersion))
  let asked = 0
  let no = 0
  let notApplicable = 0
  let unanswered = 0
  const positive: string[] = []
  for (const [id] of RED_FLAG_ITEMS) {
    const value = record.answers[id]
    if (added.has(id) && value === undefined) continue
    asked += 1
    if (value === 'no') no += 1
    else if (value === 'not-applicable') notApplicable += 1
    else if (value === 'yes' || value === 'unsure') positive.push(id)
    else unanswered += 1
  }
  return { asked, no, notApplicable, unanswered, positive }
}

/**
 * The pdfmake document definition of one intake's summary.
 *
 * @param input the record (with its stored evaluation), the clinic's details,
 *   the PDF settings and the generation time.
 * @param options the fonts' coverage and the time zone to print times in.
 * @returns a definition with no functions other than the footer, no image
 *   sources other than a verified PNG signature, and no item ids in its text.
 */
export function buildSummaryDocument(
  input: SummaryInput,
  options: SummaryOptions
): TDocumentDefinitions {
  const { record, clinic, settings } = input
  const { answers, evaluation } = record
  const w = new Writer(options.coverage)
  const zone = options.timeZone

  // ---- small builders --------------------------------------------------------
  // The section is named in the node's style so tests can read the order back.
  // headlineLevel lets pageBreakBefore (below) keep a heading with what follows it.
  const heading = (section: SummarySection, title: string): ContentText => ({
    ...w.text(title, { style: ['heading', `section-${section}`] }),
    headlineLevel: 1
  })
  const row = (label: string, value: Content): TableCell[] => [
    w.text(label, { style: 'label' }),
    value
  ]
  const fieldTable = (rows: TableCell[][]): Content =>
    rows.length === 0
      ? w.text('Nothing recorded.', { style: 'muted' })
      : {
          // Rows may break across pages: a long answer must never be cut off.
          table: { widths: [LABEL_WIDTH, '*'], body: rows },
          layout: 'noBorders',
          margin: [0, 0, 0, 2]
        }
  const answeredRow = (id: string, label?: string): TableCell[] | null => {
    const value = labelled(answers, id)
    return value === null ? null : row(label ?? catalogueItem(id)?.label ?? 'Answer', w.text(value))
  }
  const rows = (...candidates: Array<TableCell[] | null>): TableCell[][] =>
    candidates.filter((candidate): candidate is TableCell[] => candidate !== null)
  // An unsure answer is marked in type, not colour, so it survives a black-and-white print.
  const triggerText = (line: TriggerLine): ContentText => ({
    text: [
      ...w.runs(line.value === null ? line.label : `${line.label}: `),
      ...(line.value === null
        ? []
        : line.unsure
          ? w.runs('not sure (?)', { bold: true, italics: true })
          : w.runs(line.value))
    ]
  })

  const name = patientFileName(answers)
  const dob = answerString(answers, 'patient.dateOfBirth')
  const day = intakeDate(record, zone)
  const generated = localParts(input.generatedAt, zone)
  const contentWidth = PAGE_WIDTHS[settings.pageSize] - PAGE_MARGINS[0] - PAGE_MARGINS[2]

  // ---- 1. header -------------------------------------------------------------
  const clinicLines: Content[] = []
  if (clinic.name !== '') clinicLines.push(w.text(clinic.name, { style: 'clinicName' }))
  if (clinic.address !== '') clinicLines.push(w.text(clinic.address, { style: 'small' }))
  if (clinic.phone !== '') clinicLines.push(w.text(`Phone ${clinic.phone}`, { style: 'small' }))
  if (clinicLines.length === 0)
    clinicLines.push(w.text('Clinic details not set (Settings)', { style: 'muted' }))

  const sex = labelled(answers, 'patient.sex')
  const ageText = evaluation.age === null ? '' : ` (age ${evaluation.age})`
  const status =
    record.status === 'submitted'
      ? `Submitted ${day}${record.submittedAt ? ` ${localParts(record.submittedAt, zone).time}` : ''}`
      : `Unfinished (draft started ${day})`
  const patientFacts = [
    `Date of birth ${dob ?? 'not given'}${ageText}`,
    ...(sex === null ? [] : [`Sex ${sex}`])
  ].join('   ·   ')
  const contact: string[] = []
  if (settings.includeContactDetails) {
    const phone = answerString(answers, 'patient.phone')
    const email = answerString(answers, 'patient.email')
    const emergencyName = answerString(answers, 'patient.emergencyContactName')
    const emergencyPhone = answerString(answers, 'patient.emergencyContactPhone')
    if (phone) contact.push(`Phone ${phone}`)
    if (email) contact.push(`E-mail ${email}`)
    if (emergencyName || emergencyPhone)
      contact.push(
        `Emergency contact ${[emergencyName, emergencyPhone].filter(Boolean).join(', ')}`
      )
  }
  const missing = evaluation.missingRequired
    .map((id) => catalogueItem(id)?.label)
    .filter((label): label is string => label !== undefined)

  const header: Content[] = [
    {
      columns: [
        { width: '*', stack: clinicLines },
        {
          width: 'auto',
          stack: [
            w.text(isFollowUp(record) ? 'Follow-up visit summary' : 'Intake summary', {
              style: ['title', 'section-header']
            }),
            w.text(
              `Form version ${record.formVersion}   ·   Rules version ${evaluation.rulesVersion}`,
              {
                style: 'small',
                alignment: 'right'
              }
            )
          ]
        }
      ],
      columnGap: 12
    },
    {
      canvas: [{ type: 'line', x1: 0, y1: 4, x2: contentWidth, y2: 4, lineWidth: 1.2 }],
      margin: [0, 0, 0, 6]
    },
    w.text(name, { style: 'patientName' }),
    w.text(patientFacts),
    w.text(`${isFollowUp(record) ? 'Follow-up visit' : 'Intake'} ${day}   ·   ${status}`),
    ...followUpLines(record, w, zone),
    ...(contact.length > 0 ? [w.text(contact.join('   ·   '), { style: 'small' })] : []),
    ...(record.status === 'draft' && missing.length > 0
      ? [w.text(`Not yet answered: ${missing.join(', ')}`, { style: 'small', italics: true })]
      : [])
  ]

  // ---- 1b. the triage decision ----------------------------------------------------
  // Right under the patient: whoever picks the page up first sees whether a
  // clinician has reviewed the intake, what they decided, when and who.
  const current = record.triage[record.triage.length - 1]
  const decidedAt = current === undefined ? null : localParts(current.decidedAt, zone)
  const triage: Content[] = [
    current === undefined || decidedAt === null
      ? {
          text: [
            { text: 'Triage decision: ', bold: true },
            { text: 'Not yet reviewed', bold: true, italics: true }
          ],
          style: 'section-triage',
          margin: [0, 6, 0, 0]
        }
      : {
          text: [
            { text: 'Triage decision: ', bold: true },
            { text: TRIAGE_DECISION_LABELS[current.decision], bold: true },
            ...w.runs(`   ·   decided ${decidedAt.date} ${decidedAt.time} by `),
            ...w.runs(current.decidedBy.name)
          ],
          style: 'section-triage',
          margin: [0, 6, 0, 0]
        },
    ...(current !== undefined && current.notes !== ''
      ? [w.text(`Notes: ${current.notes}`, { style: 'small' })]
      : []),
    ...(current !== undefined && current.version > 1
      ? [
          w.text(
            `Decision changed: version ${current.version}; the earlier decisions are kept in the app.`,
            { style: 'small', italics: true }
          )
        ]
      : [])
  ]

  // ---- 2. red flags ------------------------------------------------------------
  const tally = redFlagTally(record)
  const flags = [...evaluation.flags].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
  const boxBody: Content[] = []
  for (const notice of evaluation.notices) boxBody.push(w.text(NOTICE_TEXT[notice], { bold: true }))
  if (flags.length === 0) {
    const parts = [`${tally.no} of ${tally.asked} answered no`]
    if (tally.notApplicable > 0) parts.push(`${tally.notApplicable} does not apply`)
    if (tally.unanswered > 0) parts.push(`${tally.unanswered} not answered`)
    boxBody.push(w.text(`No red flags on this questionnaire (${parts.join('; ')})`, { bold: true }))
    const lone = tally.positive.map((id) => triggerLine(id, answers, evaluation.age))
    if (lone.length > 0) {
      boxBody.push(
        w.text('Answered yes or not sure, raising no flag on its own:', { style: 'small' })
      )
      boxBody.push({ ul: lone.map(triggerText), style: 'small' })
    }
  }
  for (const flag of flags) boxBody.push(flagBlock(flag))
  if (record.currentRules !== null && record.currentRules.differences.length > 0) {
    boxBody.push(
      w.text(
        `Today's rules (version ${record.currentRules.rulesVersion}) read this intake differently; the flags above are as evaluated at submission (version ${evaluation.rulesVersion}):`,
        { bold: true, margin: [0, 4, 0, 0] }
      ),
      { ul: record.currentRules.differences.map((difference) => w.text(difference.text)) }
    )
  }
  const changes = record.redFlagHistory.filter(
    (event) => event.kind === 'answer' && event.from !== null
  )
  if (changes.length > 0) {
    boxBody.push(
      w.text('Red-flag answers changed while the intake was filled in:', {
        style: 'small',
        margin: [0, 4, 0, 0]
      }),
      {
        ul: changes.map((event) =>
          event.kind === 'answer'
            ? w.text(
                `${RED_FLAG_LABELS.get(event.itemId) ?? 'Answer'}: ${ynuWord(event.from)} → ${ynuWord(event.to)} (${event.by}, ${localParts(event.at, zone).time})`
              )
            : w.text('')
        ),
        style: 'small'
      }
    )
  }

  function flagBlock(flag: Flag): Content {
    const lines = flagTriggerLines(flag, answers, evaluation.age)
    return {
      stack: [
        {
          text: [
            { text: `${CONCERN_LABELS[flag.level].toUpperCase()}  `, bold: true },
            { text: CONDITION_LABELS[flag.condition], bold: true }
          ],
          fontSize: 10.5
        },
        ...(flag.uncertain
          ? [
              w.text('Uncertain: “not sure” answers raised this flag. Ask the patient.', {
                bold: true,
                italics: true
              })
            ]
          : []),
        { ul: lines.map(triggerText), margin: [0, 1, 0, 1] },
        {
          text: [{ text: 'Recommendation: ', bold: true }, ...w.runs(flag.recommendation)]
        }
      ],
      margin: [0, 3, 0, 3],
      unbreakable: lines.length < 12
    }
  }

  const concern = evaluation.concern
  const redFlags: Content = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: `RED FLAGS   ·   Overall concern: ${concern === 'none' ? 'no flags' : CONCERN_LABELS[concern].toUpperCase()}`,
            bold: true,
            color: '#ffffff',
            fillColor: '#000000',
            fontSize: 11,
            style: 'section-redFlags'
          }
        ],
        [{ stack: boxBody }]
      ]
    },
    layout: {
      hLineWidth: () => 1.5,
      vLineWidth: () => 1.5,
      hLineColor: () => '#000000',
      vLineColor: () => '#000000',
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 4,
      paddingBottom: () => 4
    },
    margin: [0, 8, 0, 4]
  }

  // ---- 3. the episode ------------------------------------------------------------
  const description = answerString(answers, 'complaint.description')
  // "2026-11-18 (2 days before the intake)": how long ago it began, as the record shows it.
  const onsetDate =
    answerString(answers, 'complaint.onsetDate') === null
      ? null
      : labelled(answers, 'complaint.onsetDate', day)
  const episode: Content[] = [
    heading('episode', 'This episode'),
    fieldTable(
      rows(
        onsetDate === null ? null : row('Onset date', w.text(onsetDate)),
        answeredRow('complaint.duration'),
        answeredRow('complaint.onsetType', 'Sudden or gradual'),
        answeredRow('complaint.onsetContext', 'Context'),
        answeredRow('complaint.activities'),
        answeredRow('complaint.trainingFactors'),
        answeredRow('complaint.trend'),
        answeredRow('history.previousEpisodes'),
        description === null
          ? null
          : row('In the patient’s words', w.text(`“${description}”`, { italics: true }))
      )
    )
  ]

  // ---- 4. where it hurts ---------------------------------------------------------
  const regions = answerList(answers, 'pain.regions')
  const figure = (view: 'front' | 'back'): Column => ({
    width: 80,
    stack: [
      w.text(view === 'front' ? 'Front' : 'Back', { alignment: 'center', bold: true, fontSize: 8 }),
      {
        columns:
          view === 'front'
            ? [
                w.text('Right', { fontSize: 6.5 }),
                w.text('Left', { fontSize: 6.5, alignment: 'right' })
              ]
            : [
                w.text('Left', { fontSize: 6.5 }),
                w.text('Right', { fontSize: 6.5, alignment: 'right' })
              ]
      },
      { svg: bodyMapSvg(view, regions), width: 66, alignment: 'center' }
    ]
  })
  const neuro: string[] = []
  const qualities = answerList(answers, 'pain.quality').filter((code) =>
    (NEURO_QUALITIES as readonly string[]).includes(code)
  )
  if (qualities.length > 0) neuro.push(`Pain quality: ${answerText('pain.quality', qualities)}`)
  for (const id of NEURO_ITEMS) {
    const value = answers[id]
    if (value === 'yes' || value === 'unsure')
      neuro.push(`${RED_FLAG_LABELS.get(id) ?? 'Answer'}: ${value === 'yes' ? 'yes' : 'not sure'}`)
  }
  if (answers['sb.1'] === 'agree')
    neuro.push('Back pain spread down the leg(s) in the last 2 weeks')
  const lowerLeg = regions.filter(
    (code) => code.startsWith('below-knee') || code.startsWith('foot')
  )
  if (lowerLeg.length > 0)
    neuro.push(`Pain at or below the knee: ${answerText('pain.regions', lowerLeg)}`)
  const pain: Content[] = [
    heading('pain', 'Where it hurts'),
    {
      columns: [
        { width: 176, columns: [figure('front'), figure('back')], columnGap: 16 },
        {
          width: '*',
          stack: [
            fieldTable(
              rows(
                row(
                  'Regions (patient’s side)',
                  w.text(regions.length === 0 ? 'None marked' : answerText('pain.regions', regions))
                ),
                answeredRow('pain.quality'),
                answeredRow('pain.pattern'),
                row(
                  'Neurological symptoms',
                  neuro.length === 0
                    ? w.text('None reported')
                    : { stack: neuro.map((line) => w.text(line)) }
                )
              )
            )
          ]
        }
      ],
      columnGap: 10,
      unbreakable: true
    }
  ]

  // ---- 5. scores --------------------------------------------------------------------
  const { scores } = evaluation
  const scale = (value: number | null): string =>
    value === null ? 'not answered' : `${value} / 10`
  const pegParts = (['peg.pain', 'peg.enjoyment', 'peg.activity'] as const).map((id) => {
    const value = answers[id]
    return typeof value === 'number' ? String(value) : '–'
  })
  const startBack = scores.startBack
  const agreed = PSYCHOSOCIAL_ITEMS.filter((id) => answers[id] === 'agree').map(
    (id) => catalogueItem(id)?.label ?? 'Item'
  )
  const language = labelled(answers, 'patient.preferredLanguage')
  const scoreRows = rows(
    row('Pain now (NPRS 0–10)', w.text(scale(scores.painNow), { bold: true })),
    row('Worst pain, past week', w.text(scale(scores.painWorst))),
    row(
      'PEG (0–10, mean of 3)',
      w.text(
        scores.peg === null
          ? 'not scored (items missing)'
          : `${scores.peg}   (average pain ${pegParts[0]}, enjoyment of life ${pegParts[1]}, general activity ${pegParts[2]})`
      )
    ),
    row(
      'STarT Back',
      startBack === null
        ? w.text('not scored (items missing)')
        : {
            stack: [
              w.text(
                `${startBack.risk[0]?.toUpperCase() ?? ''}${startBack.risk.slice(1)} risk   ·   total ${startBack.total} of 9   ·   psychosocial subscore ${startBack.psychosocial} of 5`,
                { bold: true }
              ),
              w.text(
                agreed.length === 0
                  ? 'Psychosocial items agreed: none'
                  : `Psychosocial items agreed: ${agreed.join('; ')}`
              ),
              ...(answers['sb.9'] === undefined
                ? []
                : [w.text(`Bothersomeness: ${labelled(answers, 'sb.9') ?? ''}`)])
            ]
          }
    ),
    // A follow-up does not ask the language: the default would be a guess.
    language === null && isFollowUp(record)
      ? null
      : row('Answered in', w.text(language ?? 'English (no other language chosen)')),
    row('', w.text(START_BACK_NOTICE, { style: 'small' }))
  )
  const scoreSection: Content[] = [
    { stack: [heading('scores', 'Scores'), fieldTable(scoreRows)], unbreakable: true }
  ]

  // ---- 6. patterns ----------------------------------------------------------------------
  const patterns: Content[] = [
    {
      unbreakable: true,
      stack: [
        heading('patterns', 'Patterns to consider (not a diagnosis)'),
        evaluation.patterns.length === 0
          ? w.text('None on this questionnaire.')
          : {
              ul: evaluation.patterns.map((pattern) => ({
                stack: [
                  w.text(PATTERN_LABELS[pattern.id], { bold: true }),
                  w.text(
                    `Triggered by: ${pattern.triggeredBy
                      .map((id) => triggerLine(id, answers, evaluation.age))
                      .filter(
                        (line) => catalogueItem(line.id) !== undefined || line.label !== line.id
                      )
                      .map((line) =>
                        line.value === null ? line.label : `${line.label}: ${line.value}`
                      )
                      .join('; ')}`,
                    { style: 'small' }
                  )
                ]
              }))
            }
      ]
    }
  ]

  // ---- 7. history and goals ---------------------------------------------------------------
  const anticoagulants = answers['history.anticoagulants']
  const goals = answerString(answers, 'goals.text')
  const history: Content[] = [
    heading('history', 'History'),
    fieldTable(
      rows(
        anticoagulants === undefined
          ? null
          : row(
              'Anticoagulants',
              w.text(
                anticoagulants === 'yes'
                  ? 'YES'
                  : anticoagulants === 'unsure'
                    ? 'not sure (?)'
                    : 'No',
                { bold: anticoagulants !== 'no' }
              )
            ),
        answeredRow('history.medications'),
        answeredRow('history.allergies'),
        answeredRow('history.conditions'),
        answeredRow('history.surgeries'),
        answeredRow('history.pregnancy'),
        answeredRow('history.smoking'),
        answeredRow('patient.occupation'),
        answeredRow('history.treatmentsTried'),
        answeredRow('history.nsaidResponse'),
        answeredRow('history.firstBackPainAge'),
        answers['history.familySpA'] === undefined
          ? null
          : row(
              'Family history of spondyloarthritis',
              w.text((labelled(answers, 'history.familySpA') ?? '').toLowerCase())
            )
      )
    ),
    { ...w.text('Goals', { style: 'subheading' }) },
    goals === null
      ? w.text('Not given.', { style: 'muted' })
      : w.text(`“${goals}”`, { italics: true })
  ]

  // ---- 8. consent ----------------------------------------------------------------------------
  const signedBy = answerString(answers, 'consent.signedBy')
  const relationship = labelled(answers, 'consent.signerRelationship') ?? 'Self'
  const agreedTo = [
    answers['consent.treatment'] === true ? 'assessment and treatment' : null,
    answers['consent.privacy'] === true ? 'the privacy notice' : null
  ].filter((part): part is string => part !== null)
  const signature = options.omitSignatureImage ? null : signatureContent(answers)
  // Who signed and the signature stay together on one page.
  const consent: Content[] = [
    {
      unbreakable: true,
      stack: [
        heading('consent', 'Consent'),
        fieldTable(
          rows(
            row(
              'Agreed to',
              w.text(agreedTo.length === 0 ? 'Not yet agreed' : capitalise(agreedTo.join(' and ')))
            ),
            row(
              'Signed by',
              w.text(
                signedBy === null ? 'Not yet signed' : `${signedBy} (${relationship.toLowerCase()})`
              )
            ),
            row(
              'When',
              w.text(
                record.submittedAt === null
                  ? 'Not yet submitted'
                  : `${localParts(record.submittedAt, zone).date} ${localParts(record.submittedAt, zone).time} (on submission)`
              )
            ),
            row(
              'Signature',
              signature ??
                w.text(
                  answers['consent.signature'] === undefined
                    ? 'Not drawn'
                    : 'Drawn on the device (kept in the record)',
                  { style: 'muted' }
                )
            )
          )
        )
      ]
    }
  ]

  function signatureContent(all: IntakeAnswers): Content | null {
    const stored = all['consent.signature']
    if (typeof stored !== 'string') return null
    if (stored.startsWith('data:image/png;base64,')) {
      return isPng(stored) ? { image: 'signature', fit: [170, 48] } : null
    }
    const drawing = signatureSvg(stored)
    if (drawing === null) return null
    const scale = Math.min(170 / drawing.width, 48 / drawing.height, 1.5)
    return { svg: drawing.svg, width: Math.max(drawing.width * scale, 8) }
  }

  const pngSignature =
    !options.omitSignatureImage &&
    typeof answers['consent.signature'] === 'string' &&
    answers['consent.signature'].startsWith('data:image/png;base64,') &&
    isPng(answers['consent.signature'])
      ? answers['consent.signature']
      : null

  // The footer has one line: a name longer than it fits is shortened there (the header has it whole).
  const shortName = clip(name, 40) ?? name
  const footerName = `${shortName}${dob === null ? '' : `   ·   DOB ${dob}`}`
  return {
    pageSize: settings.pageSize,
    pageMargins: PAGE_MARGINS,
    info: {
      title: isFollowUp(record) ? 'Follow-up visit summary' : 'Intake summary',
      creator: 'Back Intake',
      producer: 'Back Intake'
    },
    compress: true,
    defaultStyle: { font: 'NotoSans', fontSize: 9, lineHeight: 1.12 },
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'right' },
      clinicName: { fontSize: 11, bold: true },
      patientName: { fontSize: 14, bold: true, margin: [0, 0, 0, 1] },
      heading: { fontSize: 11, bold: true, margin: [0, 9, 0, 3] },
      subheading: { fontSize: 9.5, bold: true, margin: [0, 5, 0, 2] },
      label: { color: '#333333', bold: true },
      small: { fontSize: 8 },
      muted: { color: '#444444', italics: true }
    },
    ...(pngSignature === null ? {} : { images: { signature: pngSignature } }),
    content: [
      ...header,
      ...triage,
      ...amendmentsBlock(record, w, zone),
      redFlags,
      // A follow-up asks no episode, body map, history or consent: no empty sections for them.
      ...(isFollowUp(record) ? [] : episode),
      ...(isFollowUp(record) ? [] : pain),
      ...scoreSection,
      ...visitsSection(record, w, zone, contentWidth),
      ...patterns,
      ...(isFollowUp(record) ? [] : history),
      ...(isFollowUp(record) ? [] : consent)
    ],
    // A heading never ends a page: it moves to the next one with what it heads.
    pageBreakBefore: (node, following) =>
      node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [40, 12, 40, 0],
      columns: [
        {
          width: '*',
          text: [
            { text: 'Confidential patient information', bold: true },
            { text: '   ·   ' },
            ...w.runs(footerName)
          ],
          fontSize: 7.5
        },
        {
          width: 'auto',
          text: `Generated ${generated.date} ${generated.time}   ·   Page ${currentPage} of ${pageCount}`,
          fontSize: 7.5,
          alignment: 'right'
        }
      ]
    })
  }
}

function isFollowUp(record: IntakeRecord): boolean {
  return record.kind === 'follow-up'
}

/**
 * A follow-up's lines under the patient: how the back has changed since the
 * last visit, which visit that was, and who confirmed the patient match.
 */
function followUpLines(record: IntakeRecord, w: Writer, zone: string | undefined): Content[] {
  if (!isFollowUp(record)) return []
  const change = labelled(record.answers, 'followUp.change')
  const link = record.followUp
  const previous =
    link === null
      ? undefined
      : record.visits.find((visit) => visit.intakeId === link.previousIntakeId)
  const lines: Content[] = [
    {
      text: [
        { text: 'Change since last visit: ', bold: true },
        { text: change ?? 'not answered', bold: true, italics: change === null }
      ]
    }
  ]
  const details = [
    previous === undefined ? null : `Previous visit ${localDay(previous.submittedAt, zone)}`,
    link === null ? null : `Patient match confirmed by ${link.confirmedBy.name}`
  ].filter((part): part is string => part !== null)
  if (details.length > 0) lines.push(w.text(details.join('   ·   '), { style: 'small' }))
  return lines
}

/**
 * The patient's visits, when there are two or more: the chart (pdfmake `svg`)
 * and the same numbers as a table, the visit of this summary shaded and bold.
 */
function visitsSection(
  record: IntakeRecord,
  w: Writer,
  zone: string | undefined,
  width: number
): Content[] {
  if (record.visits.length < 2) return []
  const options = { currentIntakeId: record.id, dayOf: (iso: string) => localDay(iso, zone) }
  const chart = visitsChartSvg(record.visits, { ...options, width })
  const head = VISIT_TABLE_HEAD.map((label) => w.text(label, { style: 'label', fontSize: 8 }))
  const body: TableCell[][] = [
    head,
    ...visitRows(record.visits, options).map((visit) =>
      [
        visit.current ? `${visit.day} (this summary)` : visit.day,
        visit.kind,
        visit.painNow,
        visit.painWorst,
        visit.peg,
        visit.startBack,
        visit.change
      ].map((cell) =>
        w.text(cell, {
          fontSize: 8,
          bold: visit.current,
          ...(visit.current ? { fillColor: '#e4e4e4' } : {})
        })
      )
    )
  ]
  return [
    {
      unbreakable: true,
      stack: [
        {
          ...w.text('Visits', { style: ['heading', 'section-visits'] }),
          headlineLevel: 1
        },
        w.text(
          'Pain now, worst pain and PEG out of 10; the STarT Back total (out of 9) on the same scale. A gap in a line is a score not given at that visit.',
          { style: 'small' }
        ),
        {
          // The drawing, then its words placed back over it (a detached block moves nothing),
          // so the shading of this visit lies under its labels, not over them.
          stack: [
            { svg: chart.svg, width: chart.width },
            ...chart.labels.map((label): Content => ({
              relativePosition: { x: label.x, y: label.y - chart.height },
              columns: [
                {
                  width: label.width,
                  ...w.text(label.text, {
                    fontSize: label.fontSize,
                    bold: label.bold,
                    alignment: label.alignment,
                    lineHeight: 1
                  })
                }
              ]
            }))
          ],
          margin: [0, 6, 0, 4]
        },
        {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', 'auto', 'auto', 'auto', 'auto', '*'],
            body
          },
          layout: 'lightHorizontalLines'
        }
      ]
    }
  ]
}

/** Longest answer an amendment line prints (a long text changed reads in full in the app). */
const AMENDED_VALUE_MAX = 160

/**
 * Amendments made after submission, right under the triage decision, so
 * whoever reads the summary knows the answers printed are corrected ones:
 * for each, who, when and why, every field before → after, and the concern
 * when it changed. The app keeps the full history; this is its short form.
 */
function amendmentsBlock(record: IntakeRecord, w: Writer, zone: string | undefined): Content[] {
  const amendments = record.amendments
  if (amendments.length === 0) return []
  const words = (itemId: string, value: Parameters<typeof answerText>[1] | null): string =>
    value === null ? 'not answered' : (clip(answerText(itemId, value), AMENDED_VALUE_MAX) ?? '')
  const times = amendments.length === 1 ? 'once' : `${amendments.length} times`
  return [
    {
      text: [
        { text: `Amended after submission ${times}: `, bold: true },
        { text: 'the answers in this summary are the corrected ones.' }
      ],
      margin: [0, 4, 0, 0]
    },
    ...amendments.map((amendment): Content => {
      const at = localParts(amendment.amendedAt, zone)
      const lines: Content[] = amendment.changes.map((change) =>
        w.text(
          `${catalogueItem(change.itemId)?.label ?? 'Answer'}: ${words(change.itemId, change.before)} → ${words(change.itemId, change.after)}`
        )
      )
      if (amendment.concernBefore !== amendment.concernAfter)
        lines.push(
          w.text(
            `Concern: ${CONCERN_LABELS[amendment.concernBefore]} → ${CONCERN_LABELS[amendment.concernAfter]}`,
            { bold: true }
          )
        )
      return {
        stack: [
          {
            text: [
              { text: `Amendment ${amendment.version}`, bold: true },
              ...w.runs(`   ·   ${at.date} ${at.time} by `),
              ...w.runs(amendment.amendedBy.name)
            ]
          },
          { text: [{ text: 'Why: ', bold: true }, ...w.runs(amendment.reason)] },
          { ul: lines }
        ],
        style: 'small',
        margin: [0, 2, 0, 0]
      }
    })
  ]
}

function ynuWord(value: string | null): string {
  if (value === null) return 'no answer'
  if (value === 'unsure') return 'not sure'
  if (value === 'not-applicable') return 'does not apply'
  return value
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Whether a data URL holds base64 whose bytes start like a PNG file. */
function isPng(dataUrl: string): boolean {
  const base64 = dataUrl.slice('data:image/png;base64,'.length)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length < 40) return false
  const head = Buffer.from(base64.slice(0, 24), 'base64')
  return PNG_SIGNATURE.every((byte, index) => head[index] === byte)
}

const PRINTED_KEYS: ReadonlySet<string> = new Set([
  'text',
  'stack',
  'ul',
  'ol',
  'columns',
  'table',
  'body',
  'content'
])

/**
 * Every string a definition prints, in document order: the values under
 * `text` (a node's inline runs joined) and the containers that hold text nodes. Drawings, image names,
 * styles and fonts are not printed and are left out. The footer is a
 * function: call it and pass its result to read it.
 */
export function definitionStrings(node: unknown, into: string[] = []): string[] {
  if (typeof node === 'string') into.push(node)
  else if (Array.isArray(node)) for (const child of node) definitionStrings(child, into)
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      // Inline runs of one text node read as one line, as they print.
      if (key === 'text' && Array.isArray(value)) into.push(definitionStrings(value).join(''))
      else if (PRINTED_KEYS.has(key)) definitionStrings(value, into)
    }
  }
  return into
}
