import { CONCERN_LABELS, CONDITION_LABELS, TRIAGE_DECISION_LABELS } from '../domain'

/**
 * Wording of the queue (the clinician's home screen) and of the emergency
 * banner every staff screen shows. Staff screens are in English; this object
 * is mounted as `staff.queue`. Concern levels, flag conditions and decisions
 * are the domain's own labels, so the queue names them as the record and the
 * PDF summary do.
 */
export default {
  nav: 'Queue',
  title: 'Queue',
  intro:
    'Who needs seeing first: emergencies, then urgent, then for review, and within each the one waiting longest. It updates by itself when an intake is saved, submitted or reviewed.',
  concern: { ...CONCERN_LABELS },
  conditions: { ...CONDITION_LABELS },
  decisions: { ...TRIAGE_DECISION_LABELS },
  counts: 'Intakes by concern',
  count: '{level}: {count}',
  range: {
    legend: 'Days shown',
    from: 'From',
    to: 'To',
    show: 'Show these days',
    today: 'Today'
  },
  caption: {
    today: 'Today’s intakes, most pressing first',
    day: 'Intakes of {date}, most pressing first',
    range: 'Intakes from {from} to {to}, most pressing first'
  },
  columns: {
    concern: 'Concern',
    name: 'Patient',
    age: 'Age',
    time: 'Time',
    status: 'Status',
    flags: 'Flags',
    decision: 'Triage decision',
    action: 'Action'
  },
  status: { draft: 'Draft', submitted: 'Submitted', reviewed: 'Reviewed' },
  unnamed: 'Name not given yet',
  ageUnknown: 'Not known',
  flagLine: '{condition} ({level})',
  noFlags: 'None',
  notReviewed: 'Not yet reviewed',
  decidedBy: '{name}, {time}',
  open: 'Open record',
  continue: 'Continue',
  damaged: 'Damaged record: check it before relying on it',
  empty: 'No intakes on these days.',
  loading: 'Loading the queue…',
  updated: 'Updated at {time}',
  truncated:
    'Showing the {shown} most pressing of {total} intakes. Choose fewer days to see the others.',
  banner: {
    label: 'Emergencies waiting',
    line: 'Emergency: {name}',
    unnamed: 'a patient whose name is not given yet',
    open: 'open',
    openLabel: 'Open the record of {name}',
    queue: 'open the queue',
    queueLabel: 'Open the queue to find {name}'
  }
}
