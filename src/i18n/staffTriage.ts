import { TRIAGE_DECISION_LABELS } from '../domain'

/**
 * Wording of the triage panel on a record (clinicians). The five decisions
 * are the domain's own labels, so the screen and the PDF summary always name
 * a decision the same way.
 */
export default {
  title: 'Triage decision',
  /** Where the record stands, shown beside its concern. */
  status: { draft: 'Draft', submitted: 'Not yet reviewed', reviewed: 'Reviewed' },
  intro:
    'Acknowledge each flag, choose a decision and save. Changing it later adds a new version; earlier ones stay visible.',
  flagsLegend: 'Flags to acknowledge',
  noFlags: 'This intake raised no flags: there is nothing to acknowledge.',
  seen: 'I have seen this',
  decisionLegend: 'Decision',
  decisions: { ...TRIAGE_DECISION_LABELS },
  notes: 'Notes (optional)',
  notesHint: 'Plain text. Printed on the PDF summary with the decision.',
  save: 'Save decision',
  saveChange: 'Save new decision',
  saving: 'Saving…',
  saved: 'Decision recorded.',
  change: 'Change decision',
  cancel: 'Cancel',
  current: 'Current decision',
  decidedBy: 'Decided by {name} on {when}',
  version: 'Version {version}',
  acknowledged: 'Flags acknowledged: {flags}',
  noneAcknowledged: 'No flags to acknowledge.',
  earlier: 'Earlier decisions',
  notReviewed: 'Not yet reviewed.',
  needAcknowledge: 'Tick “I have seen this” for every flag before saving. Not yet ticked: {flags}.',
  needDecision: 'Choose one of the five decisions.',
  reloaded: 'The record was reloaded: the latest decision is shown below.'
}
