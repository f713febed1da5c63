import {
  CONCERN_LABELS,
  CONDITION_LABELS,
  TRIAGE_DECISION_LABELS,
  type ReviewStatus
} from '../domain'

/** The review statuses as the search filter and the results name them. */
const status: Record<ReviewStatus, string> = {
  draft: 'Unfinished',
  submitted: 'Submitted, not reviewed',
  reviewed: 'Reviewed'
}

/**
 * Wording of the search screen (clinicians). Staff screens are in English;
 * this object is mounted as `staff.search`. Concern levels, flag conditions
 * and decisions are the domain's own labels, so search names them as the
 * queue, the record and the PDF summary do.
 */
export default {
  nav: 'Search',
  title: 'Search intakes',
  intro:
    'Find any intake by name, date of birth, day, concern, review status, decision or the patient’s own words.',
  openFromList: 'Search by words, dates, concern or decision',
  text: {
    label: 'Name or words',
    hint: 'Names match from their start, with or without accents (“nunez” finds Núñez); words match what the patient wrote (“deadlift”, “腰痛”). Every word must match.',
    placeholder: 'e.g. Núñez, deadlift, 王'
  },
  filters: {
    legend: 'Narrow the search',
    dateOfBirth: 'Date of birth',
    from: 'From (day)',
    to: 'To (day)',
    concern: 'Concern',
    status: 'Status',
    decision: 'Triage decision',
    any: 'Any',
    clear: 'Clear the search'
  },
  concern: { ...CONCERN_LABELS },
  conditions: { ...CONDITION_LABELS },
  decisions: { ...TRIAGE_DECISION_LABELS },
  status,
  state: {
    idle: 'Type a name or words, or choose a filter.',
    searching: 'Searching…',
    found: 'No intakes match. | 1 intake matches. | {count} intakes match.',
    more: 'Showing the first {count}: add a word or a filter to narrow the search.'
  },
  columns: {
    caption: 'Matching intakes, most pressing first, then the most recent',
    concern: 'Concern',
    name: 'Patient',
    age: 'Age',
    when: 'Submitted or started',
    status: 'Status',
    flags: 'Flags',
    decision: 'Triage decision',
    action: 'Action'
  },
  unnamed: 'Name not given yet',
  born: 'born {date}',
  ageUnknown: 'Not known',
  flagLine: '{condition} ({level})',
  noFlags: 'None',
  notReviewed: 'Not yet reviewed',
  decidedBy: '{name}, {time}',
  damaged: 'Damaged record: check it before relying on it',
  open: 'Open record'
}
