/**
 * The summary's document definition, read without rendering: sections in the
 * clinician's order, flags with every answer behind them, scores with their
 * meaning, and nothing that must stay out (item ids, signature path data,
 * "diagnosis" or "all clear", a list of every "no").
 */
import { describe, expect, it } from 'vitest'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { loadFontCoverage } from '../../../../../electron/main/services/pdf/fonts'
import {
  SUMMARY_SECTIONS,
  buildSummaryDocument,
  definitionStrings,
  redFlagTally
} from '../../../../../electron/main/services/pdf/summaryDocument'
import { VISIT_TABLE_HEAD } from '../../../../../electron/main/services/pdf/visitsChart'
import { CATALOGUE } from '../../../../../src/domain'
import {
  FONT_DIR,
  SIGNATURE,
  caseRecord,
  chineseRecord,
  complexRecord,
  emergencyRecord,
  firstOfThreeRecord,
  followUpRecord,
  summaryInput,
  typicalRecord,
  versionOneRecord
} from './summaryFixtures'
import type { Amendment, IntakeRecord, TriageVersion } from '../../../../../src/domain'

const coverage = loadFontCoverage(FONT_DIR)
/** A patient's only visit has no visits section: there is nothing to compare. */
const FIRST_VISIT_SECTIONS = SUMMARY_SECTIONS.filter((section) => section !== 'visits')

function build(record: IntakeRecord, pageSize: 'A4' | 'LETTER' = 'A4'): TDocumentDefinitions {
  return buildSummaryDocument(summaryInput(record, pageSize), { coverage, timeZone: 'UTC' })
}

/** All printed text, the footer of page 1 of 2 included, runs joined, zero-width spaces removed. */
function printed(definition: TDocumentDefinitions): string {
  const footer =
    typeof definition.footer === 'function'
      ? definition.footer(1, 2, { width: 595, height: 842, orientation: 'portrait' })
      : null
  return [...definitionStrings(definition.content), ...definitionStrings(footer)]
    .join('\n')
    .replaceAll('\u200B', '')
}

/** The sections in the order the definition lays them out, read from the heading styles. */
function sectionOrder(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) sectionOrder(child, into)
  else if (typeof node === 'object' && node !== null) {
    const style = (node as { style?: unknown }).style
    const styles = Array.isArray(style) ? style : [style]
    for (const name of styles)
      if (typeof name === 'string' && name.startsWith('section-')) into.push(name.slice(8))
    for (const value of Object.values(node))
      if (typeof value === 'object') sectionOrder(value, into)
  }
  return into
}

const ITEM_ID = new RegExp(
  `(${[...new Set(CATALOGUE.map((item) => item.id.split('.')[0]))].join('|')})\\.[a-zA-Z0-9]+`
)

function expectNothingForbidden(text: string): void {
  expect(text).not.toMatch(ITEM_ID)
  expect(text.toLowerCase()).not.toContain('all clear')
  // "not a diagnosis" is the one use of the word: the patterns' own label.
  expect(text.toLowerCase().replaceAll('not a diagnosis', '')).not.toContain('diagnos')
  expect(text).not.toContain(SIGNATURE.slice(0, 12))
  expect(text).not.toMatch(/M\d+ \d+L\d+/)
}

describe('buildSummaryDocument', () => {
  it('lays out a typical intake: every section in the clinician’s order, scores with their meaning', () => {
    const definition = build(typicalRecord())
    expect(sectionOrder(definition.content)).toEqual(FIRST_VISIT_SECTIONS)
    const text = printed(definition)
    for (const expected of [
      'Riverside Physiotherapy & Chiropractic',
      '12 High Street',
      'Phone 0113 496 0000',
      'Intake summary',
      'Okafor, Maya',
      'Date of birth 1996-03-14 (age 30)',
      'Sex Female',
      'Intake 2026-11-20',
      'Submitted 2026-11-20 09:24',
      'Form version 2',
      'Rules version 2',
      'No red flags on this questionnaire (20 of 20 answered no)',
      '2026-11-18 (2 days before the intake)',
      '“Sore across the lower back two days after heavy deadlifts.”',
      'Low back, centre',
      '3 / 10',
      '5 / 10',
      '2.7   (average pain 3, enjoyment of life 2, general activity 3)',
      'Low risk',
      'total 0 of 9',
      'psychosocial subscore 0 of 5',
      'STarT Back Screening Tool © Keele University 2007',
      'Patterns to consider (not a diagnosis)',
      'Consistent with delayed-onset muscle soreness',
      'Triggered by: Onset context: 24–72 h after a workout',
      'Ibuprofen 400 mg as needed',
      'Rest, NSAIDs',
      'Warehouse operative, lifts boxes up to 25 kg',
      '“Deadlift 140 kg again by the spring competition.”',
      'Assessment and treatment and the privacy notice',
      'Maya Okafor (self)',
      '2026-11-20 09:24 (on submission)',
      'Confidential patient information',
      'Generated 2026-11-20 10:15',
      'Page 1 of 2'
    ])
      expect(text).toContain(expected)
    expect(definition.pageSize).toBe('A4')
    expectNothingForbidden(text)
  })

  it('puts an emergency first: the flag, its level, every answer behind it and the recommendation, in the box', () => {
    const definition = build(emergencyRecord())
    const text = printed(definition)
    const box = text.indexOf('RED FLAGS')
    expect(box).toBeGreaterThan(-1)
    expect(text.indexOf('This episode')).toBeGreaterThan(box)
    const boxText = text.slice(box, text.indexOf('This episode'))
    expect(boxText).toContain('Overall concern: EMERGENCY')
    expect(boxText).toContain('EMERGENCY  Cauda equina')
    expect(boxText).toContain('Bladder dysfunction: yes')
    expect(boxText).toContain('Saddle anaesthesia: yes')
    expect(boxText).toContain('Recommendation:')
    expect(boxText).toContain('Emergency Department')
    // Only the answers behind a flag: never the list of every "no".
    expect(boxText).not.toContain('Bowel incontinence')
    expectNothingForbidden(text)
  })

  it('marks answers given as “not sure” and a flag they raised as uncertain', () => {
    const text = printed(build(caseRecord('cauda-equina-unsure-counts')))
    expect(text).toContain('not sure (?)')
    expect(text).toContain('Uncertain: “not sure” answers raised this flag. Ask the patient.')
  })

  it('prints every flag of a complex intake, highest level first, with anticoagulants to the fore', () => {
    const text = printed(build(complexRecord()))
    const order = ['EMERGENCY', 'URGENT', 'REVIEW'].map((level) => text.indexOf(`${level}  `))
    expect(order.every((at) => at > -1)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    for (const condition of ['Cauda equina', 'Malignancy', 'Spinal infection', 'Fracture'])
      expect(text).toContain(condition)
    expect(text).toContain('Anticoagulants')
    expect(text).toContain('YES')
    expect(text).toContain('Apixaban 5 mg twice daily')
    expectNothingForbidden(text)
  })

  it('counts the red-flag questions the record’s form asked: 19 for a version 1 record without dark urine', () => {
    const record = versionOneRecord('doms-routine')
    expect(redFlagTally(record)).toMatchObject({ asked: 19, no: 19, unanswered: 0 })
    expect(printed(build(record))).toContain(
      'No red flags on this questionnaire (19 of 19 answered no)'
    )
  })

  it('says where today’s rules read a stored intake differently', () => {
    const record = versionOneRecord('cauda-equina-emergency')
    const text = printed(build(record))
    expect(text).toContain("Today's rules (version 2) read this intake differently")
    expect(text).toContain('Cauda equina: Emergency (was no flag)')
  })

  it('counts “does not apply” and unanswered red-flag questions apart from “no”', () => {
    const record = caseRecord('doms-routine', {
      'rf.sexualDysfunction': 'not-applicable',
      'rf.fever': undefined
    })
    expect(printed(build({ ...record, status: 'draft', submittedAt: null }))).toContain(
      '(18 of 20 answered no; 1 does not apply; 1 not answered)'
    )
  })

  it('prints a Chinese name and Chinese free text in the CJK font, chosen per run', () => {
    const definition = build(chineseRecord())
    const text = printed(definition)
    expect(text).toContain('王, 小明')
    expect(text).toContain('硬拉后第二天腰部酸痛，弯腰时更明显。')
    expect(text).toContain('Chinese (Simplified)')
    const json = JSON.stringify(definition.content)
    expect(json).toMatch(/"text":"王, 小明","font":"NotoSansSC"/)
    // English wording around it stays in the Latin font.
    expect(json).not.toMatch(/"text":"This episode","font":"NotoSansSC"/)
  })

  it('draws the signature as an SVG built from its points, never the stored path text', () => {
    const definition = build(typicalRecord())
    const svgs: string[] = []
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect)
      else if (typeof node === 'object' && node !== null) {
        const svg = (node as { svg?: unknown }).svg
        if (typeof svg === 'string') svgs.push(svg)
        Object.values(node).forEach(collect)
      }
    }
    collect(definition.content)
    // Front, back, signature.
    expect(svgs).toHaveLength(3)
    expect(svgs.some((svg) => svg.includes(SIGNATURE))).toBe(false)
    expect(svgs[2]).toMatch(/^<svg [^>]*><path d="M[\d. LM]+" fill="none"/)
    expect(printed(definition)).not.toContain('Not drawn')
  })

  it('follows the paper size setting and prints contact details only when asked to', () => {
    const record = caseRecord('doms-routine', { 'patient.phone': '+44 7700 900123' })
    expect(build(record, 'LETTER').pageSize).toBe('LETTER')
    expect(printed(build(record))).not.toContain('+44 7700 900123')
    const withContact = buildSummaryDocument(
      { ...summaryInput(record), settings: { pageSize: 'A4', includeContactDetails: true } },
      { coverage, timeZone: 'UTC' }
    )
    expect(printed(withContact)).toContain('Phone +44 7700 900123')
  })

  it('keeps hostile text as text: controls and overrides removed, long words broken, nothing else', () => {
    const hostile = `${'A'.repeat(5000)}\u202Eevil\u202C \uD800 😀 <svg onload=x>`
    const record = caseRecord('doms-routine', { 'complaint.description': hostile })
    const definition = build(record)
    const text = printed(definition)
    expect(text).toContain('A'.repeat(5000))
    expect(text).not.toContain('\u202E')
    expect(text).toContain('evil')
    expect(text).toContain('<svg onload=x>')
    const json = JSON.stringify(definition.content)
    // Break opportunities inside the 5,000-letter word, so it wraps instead of running off the page.
    expect(json).toContain('\u200B')
    expect(json).not.toMatch(/"svg":"[^"]*onload/)
  })

  it('has no image source but a verified PNG signature', () => {
    expect(build(typicalRecord()).images).toBeUndefined()
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
    const withPng = build(caseRecord('doms-routine', { 'consent.signature': png }))
    expect(withPng.images).toEqual({ signature: png })
    const fake =
      'data:image/png;base64,' + Buffer.from('<svg>not a png at all</svg>').toString('base64')
    expect(build(caseRecord('doms-routine', { 'consent.signature': fake })).images).toBeUndefined()
  })
})

describe('definitionStrings', () => {
  it('reads text, not drawings or style names', () => {
    const content: Content = [
      { text: 'one', style: 'heading' },
      { svg: '<svg/>' },
      { stack: [{ text: [{ text: 'two', font: 'NotoSansSC' }] }] }
    ]
    expect(definitionStrings(content)).toEqual(['one', 'two'])
    expect(definitionStrings({ text: [{ text: 'Fever: ' }, { text: 'yes', bold: true }] })).toEqual(
      ['Fever: yes']
    )
  })
})

describe('the triage decision', () => {
  const decided = (
    version: number,
    decision: TriageVersion['decision'],
    name: string,
    at: string,
    notes = ''
  ): TriageVersion => ({
    version,
    decision,
    notes,
    acknowledgedFlags: ['cauda-equina'],
    decidedBy: { staffId: `staff-${version}`, name },
    decidedAt: at
  })

  it('says "Not yet reviewed" right under the patient before any decision', () => {
    const text = printed(build(emergencyRecord()))
    expect(text).toContain('Triage decision: Not yet reviewed')
    expect(text.indexOf('Triage decision')).toBeLessThan(text.indexOf('RED FLAGS'))
  })

  it('prints the current decision with its time and who made it, not an earlier one', () => {
    const record: IntakeRecord = {
      ...emergencyRecord(),
      triage: [
        decided(1, 'urgent-referral', 'Dr Ada Byrne', '2026-11-20T09:40:00.000Z'),
        decided(
          2,
          'emergency-referral',
          'Dr 李华',
          '2026-11-20T09:52:00.000Z',
          'Sent to A&E by ambulance.'
        )
      ]
    }
    const text = printed(build(record))
    expect(text).toContain('Triage decision: Emergency referral')
    expect(text).toContain('decided 2026-11-20 09:52 by Dr 李华')
    expect(text).toContain('Notes: Sent to A&E by ambulance.')
    expect(text).toContain('Decision changed: version 2')
    expect(text).not.toContain('Urgent referral')
    expect(text).not.toContain('Not yet reviewed')
    expect(text.indexOf('Triage decision')).toBeLessThan(text.indexOf('RED FLAGS'))
  })
})

describe('amendments', () => {
  /** The cauda equina case as amended twice: pain corrected, then the bladder answer. */
  function amendedRecord(): IntakeRecord {
    const record = emergencyRecord()
    const before = { ...record.evaluation, concern: 'none' as const, flags: [] }
    const amendments: Amendment[] = [
      {
        version: 1,
        reason: 'Typed 7 for 4 at the front desk.',
        changes: [{ itemId: 'pain.now', before: 7, after: 4 }],
        amendedBy: { staffId: 'staff-1', name: 'Dr Ada Byrne' },
        amendedAt: '2026-11-20T09:40:00.000Z',
        concernBefore: 'none',
        concernAfter: 'none',
        evaluationBefore: before,
        evaluationAfter: before
      },
      {
        version: 2,
        reason: 'Patient misread the bladder question; confirmed in person.',
        changes: [
          { itemId: 'rf.bladder', before: 'no', after: 'yes' },
          { itemId: 'history.medications', before: 'M'.repeat(400), after: null }
        ],
        amendedBy: { staffId: 'staff-2', name: 'Dr 李华' },
        amendedAt: '2026-11-20T09:52:00.000Z',
        concernBefore: 'none',
        concernAfter: 'emergency',
        evaluationBefore: before,
        evaluationAfter: record.evaluation
      }
    ]
    return { ...record, amendments }
  }

  it('prints nothing about amendments on a record never amended', () => {
    expect(printed(build(emergencyRecord()))).not.toContain('Amend')
  })

  it('says near the top that the answers are corrected, with who, when, why and each change', () => {
    const definition = build(amendedRecord())
    const text = printed(definition)
    const note = text.indexOf('Amended after submission 2 times')
    expect(note).toBeGreaterThan(text.indexOf('Triage decision'))
    expect(note).toBeLessThan(text.indexOf('RED FLAGS'))
    for (const expected of [
      'the answers in this summary are the corrected ones.',
      'Amendment 1   ·   2026-11-20 09:40 by Dr Ada Byrne',
      'Why: Typed 7 for 4 at the front desk.',
      'Pain now (NPRS): 7 / 10 → 4 / 10',
      'Amendment 2   ·   2026-11-20 09:52 by Dr 李华',
      'Why: Patient misread the bladder question; confirmed in person.',
      'Bladder dysfunction: No → Yes',
      'Concern: No flags → Emergency'
    ])
      expect(text).toContain(expected)
    // A long answer is shortened here (the app keeps it whole); a removed one reads "not answered".
    expect(text).toMatch(/: M{159}… → not answered/)
    expect(text).not.toContain('M'.repeat(160))
    // An amendment that left the concern as it was prints no concern line.
    expect(text.match(/Concern: /g)).toHaveLength(1)
    // The sections are those of the same record unamended: the block has no heading of its own.
    expect(sectionOrder(definition.content)).toEqual(sectionOrder(build(emergencyRecord()).content))
    expectNothingForbidden(text)
  })
})

describe('visits', () => {
  /** The `svg` nodes of a definition, in document order. */
  function svgNodes(node: unknown, into: string[] = []): string[] {
    if (Array.isArray(node)) for (const child of node) svgNodes(child, into)
    else if (typeof node === 'object' && node !== null) {
      const svg = (node as { svg?: unknown }).svg
      if (typeof svg === 'string') into.push(svg)
      for (const value of Object.values(node)) if (typeof value === 'object') svgNodes(value, into)
    }
    return into
  }

  it('prints no visits section for a patient’s only visit', () => {
    const definition = build(typicalRecord())
    expect(sectionOrder(definition.content)).not.toContain('visits')
    expect(printed(definition)).not.toContain('Change since last visit')
  })

  it('titles a follow-up as one, with the change since the last visit, and skips the sections it never asks', () => {
    const definition = build(followUpRecord())
    expect(sectionOrder(definition.content)).toEqual([
      'header',
      'triage',
      'redFlags',
      'scores',
      'visits',
      'patterns'
    ])
    expect(definition.info?.title).toBe('Follow-up visit summary')
    const text = printed(definition)
    const header = text.slice(0, text.indexOf('Triage decision'))
    for (const expected of [
      'Follow-up visit summary',
      'Okafor, Maya',
      'Follow-up visit 2026-12-04',
      'Change since last visit: Much better',
      'Previous visit 2026-11-27',
      'Patient match confirmed by Cleo Park'
    ])
      expect(header).toContain(expected)
    expect(header).not.toContain('Intake summary')
    // Nothing of the first intake's episode, body map, history or consent, not even empty headings.
    for (const absent of [
      'This episode',
      'Where it hurts',
      'History',
      'Goals',
      'Consent',
      'Not yet signed',
      'Answered in'
    ])
      expect(text).not.toContain(absent)
    expect(text).toContain('No red flags on this questionnaire (20 of 20 answered no)')
    expectNothingForbidden(text)
  })

  it('prints the visits after the scores: the chart and a table with the same numbers', () => {
    const definition = build(followUpRecord())
    const text = printed(definition)
    const section = text.slice(text.indexOf('\nVisits\n'), text.indexOf('Patterns to consider'))
    expect(text.indexOf('\nVisits\n')).toBeGreaterThan(text.indexOf('Scores'))
    expect(section).toContain('the STarT Back total (out of 9) on the same scale')
    const rows = section.split('\n')
    // The column headings, then each visit's seven cells under them.
    const header = rows.indexOf(VISIT_TABLE_HEAD[0])
    expect(header).toBeGreaterThan(0)
    expect(rows.slice(header, header + 7)).toEqual([...VISIT_TABLE_HEAD])
    expect(rows.slice(header + 7, header + 28)).toEqual([
      ...['2026-11-20', 'First intake', '3', '5', '2.7', '0 of 9, low risk', '–'],
      ...['2026-11-27', 'Follow-up', '6', '–', '5.3', '4 of 9, medium risk', 'A little worse'],
      ...['2026-12-04 (this summary)', 'Follow-up', '1', '2', '1.3', '0 of 9, low risk'],
      'Much better'
    ])
    // The chart: one drawing of numbers only, its words printed over it before the table.
    const charts = svgNodes(definition.content).filter((svg) => svg.includes('stroke-dasharray'))
    expect(charts).toHaveLength(1)
    expect(charts[0]).not.toContain('<text')
    const words = rows.slice(0, header)
    for (const expected of [
      'Pain now',
      'Worst pain',
      'PEG',
      'STarT Back total (0–9)',
      '2026-11-20',
      'First intake',
      '2026-12-04',
      'This summary',
      '10'
    ])
      expect(words).toContain(expected)
  })

  it('prints the visits on the first intake too, marking it as the visit of this summary', () => {
    const definition = build(firstOfThreeRecord())
    expect(sectionOrder(definition.content)).toEqual([...SUMMARY_SECTIONS])
    const text = printed(definition)
    expect(text).toContain('Intake summary')
    expect(text).toContain('2026-11-20 (this summary)')
    expect(text).not.toContain('Change since last visit:')
    expectNothingForbidden(text)
  })
})
