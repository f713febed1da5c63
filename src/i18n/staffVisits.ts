import type { IntakeKind, VisitSeriesKey } from '../domain'

const kind: Record<IntakeKind, string> = { initial: 'First intake', 'follow-up': 'Follow-up' }

const series: Record<VisitSeriesKey, string> = {
  painNow: 'Pain now',
  painWorst: 'Worst pain',
  peg: 'PEG',
  startBackTotal: 'STarT Back total (0–9)'
}

/**
 * Wording of a patient's visits on the record (`staff.visits`): the chart and
 * table of the scores across the first intake and its follow-ups, and the
 * header lines of a follow-up. Staff screens are in English. The answers to
 * "change since last visit" are worded by the domain's `answerText`, as the
 * form and the PDF word them.
 */
export default {
  title: 'Visits',
  firstVisit: 'First visit: no other visit of this patient yet.',
  intro:
    'Pain now, worst pain and PEG are out of 10; the STarT Back total is out of 9, drawn on the same 0–10 scale. A gap in a line is a score not given at that visit.',
  chartLabel: 'Chart of the scores across {count} visits. The table below gives the same numbers.',
  legend: 'Key',
  kind,
  series,
  caption: 'Scores at each visit, oldest first',
  columns: {
    date: 'Visit',
    kind: 'Kind',
    painNow: 'Pain now',
    painWorst: 'Worst pain',
    peg: 'PEG',
    startBack: 'STarT Back',
    change: 'Change since last visit'
  },
  viewing: '(this record)',
  noValue: '–',
  outOfTen: '{value} / 10',
  startBackValue: '{total} / 9, {risk} risk',
  risk: { low: 'low', medium: 'medium', high: 'high' },
  header: {
    followUp: 'Follow-up visit',
    change: 'Change since last visit',
    changeNotAnswered: 'Not answered yet',
    previous: 'Previous visit',
    confirmedBy: 'Patient match confirmed by {name}',
    others: 'Other intakes of this patient',
    othersNote: 'The same patient, matched at submission or confirmed by staff.',
    item: '{date} · {kind} · {concern}'
  }
}
