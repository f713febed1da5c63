/**
 * Wording of amendments on a record (clinicians): the panel that corrects
 * submitted answers with a reason, the notice at the top of an amended
 * record, and the section that keeps every amendment with the answers it
 * replaced. Answers themselves are worded by the domain's `answerText`.
 */
export default {
  action: 'Amend this record',
  title: 'Amend this record',
  intro:
    'Correct answers that were recorded wrongly. The answers you replace are kept, the flags are worked out again from the corrected answers, and the amendment is recorded with your name, the time and your reason.',
  change: 'Change {number}',
  find: 'Find a question',
  findHint: 'Type part of a question to shorten the list below.',
  question: 'Question',
  choose: 'Choose a question…',
  noMatch: 'No question matches “{text}”.',
  current: 'Current answer',
  newAnswer: 'New answer',
  remove: 'Remove this answer (leave the question unanswered)',
  removeChange: 'Remove change {number}',
  addChange: 'Add another answer to change',
  reason: 'Reason for the amendment',
  reasonHint:
    'Required. Plain text, up to {max} characters. Kept with the record and printed on the PDF summary.',
  save: 'Save amendment',
  saving: 'Saving…',
  cancel: 'Cancel',
  saved: 'Amendment {version} saved. The answers and flags shown are the corrected ones.',
  needQuestion: 'Choose the question to change.',
  needReason: 'Give a reason for the amendment.',
  sameAsCurrent:
    'This is the answer already recorded. Choose a different answer, or remove this change.',
  requiredRemoved:
    'This question must be answered on this record, so its answer cannot be removed.',
  otherIssues: 'Other answers affected by this change:',
  conflict:
    'Someone else changed this record after you opened it, so your amendment was not saved over their change. Reload the record to see it; what you entered here is kept.',
  reload: 'Reload the record',
  reloading: 'Reloading…',
  reloaded:
    'The record was reloaded with the other change. Check the current answers above your changes, then save again.',
  sections: {
    patient: 'Patient',
    complaint: 'This episode',
    pain: 'Where it hurts and how much',
    redFlags: 'Red flags',
    startBack: 'STarT Back',
    history: 'History',
    goals: 'Goals',
    consent: 'Consent',
    followUp: 'Since the last visit'
  },
  evaluationNote:
    'Evaluation of the corrected answers, worked out again at the last amendment as of the submission day, under rules version {version}.',
  notice:
    'Amended once: the answers shown are the corrected ones; the originals are kept below. | Amended {count} times: the answers shown are the corrected ones; the originals are kept below.',
  list: {
    title: 'Amendments',
    note: 'Every correction made after submission, oldest first, with the answers it replaced. The answers and flags above are the corrected ones.',
    version: 'Amendment {version}',
    by: 'by {name} on {when}',
    reason: 'Why',
    changed: 'Changed',
    concern: 'Concern',
    notAnswered: 'not answered'
  }
}
