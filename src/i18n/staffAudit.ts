/**
 * Wording of the audit trail screen (administrators). Staff screens are in
 * English; this object is mounted as `staff.audit`, so components use keys
 * `staff.audit.…`. The action and role labels are typed against the domain's
 * lists, so an action added there without a label here fails to compile.
 */
import type { AuditAction, AuditActor } from '../domain'

/** What each entry's action reads as in the table and the action filter. */
const actions: Record<AuditAction, string> = {
  'sign-in': 'Signed in',
  'sign-out': 'Signed out',
  'sign-in-failed': 'Sign-in failed',
  lock: 'Screen locked',
  'first-administrator-created': 'First administrator created',
  'staff-added': 'Staff account added',
  'staff-changed': 'Staff account changed',
  'secret-changed': 'Password or PIN changed',
  'patient-mode-started': 'Device handed to the patient',
  'patient-mode-ended': 'Device taken back from the patient',
  'intake-created': 'Intake started',
  'intake-submitted': 'Intake submitted',
  'intake-viewed': 'Intake viewed',
  'intake-amended': 'Intake amended',
  'triage-recorded': 'Triage decision recorded',
  'draft-discarded': 'Unfinished intake discarded',
  'red-flag-alert': 'Red-flag alert raised',
  'pdf-exported': 'PDF summary saved',
  'pdf-printed': 'PDF summary printed',
  'day-pdfs-exported': 'PDF summaries of a day saved',
  'fhir-exported': 'FHIR export saved',
  'backup-created': 'Backup made',
  'backup-restored': 'Backup restored',
  'integrity-checked': 'Database checked for damage',
  'settings-changed': 'Settings changed'
}

/** The role an entry was made under. */
const roles: Record<AuditActor['role'], string> = {
  'front-desk': 'Front desk',
  clinician: 'Clinician',
  administrator: 'Administrator',
  patient: 'Patient',
  'signed-out': 'Not signed in',
  system: 'The app'
}

/** Who an entry names when it carries no person's name. */
const unnamed: Record<AuditActor['role'], string> = {
  'front-desk': 'Unknown member of staff',
  clinician: 'Unknown member of staff',
  administrator: 'Unknown member of staff',
  patient: 'The patient holding the device',
  'signed-out': 'Nobody signed in',
  system: 'Back Intake, on its own'
}

export default {
  title: 'Audit trail',
  intro:
    'Who did what, and when: every sign-in, every intake opened, changed or exported, and every change of settings. Entries cannot be changed or removed in the app.',
  actions,
  roles,
  unnamed,
  filters: {
    title: 'Filter the entries',
    action: 'What was done',
    anyAction: 'Anything',
    person: 'Who',
    anyone: 'Anyone',
    personOption: '{name} ({role})',
    intakeId: 'Intake id',
    intakeIdHint: 'The full id, as shown on the intake or in the title of a shortened id below.',
    fromDate: 'From',
    toDate: 'To (inclusive)',
    apply: 'Show entries',
    reset: 'Clear filters'
  },
  table: {
    title: 'Entries',
    seq: 'No.',
    time: 'Time',
    person: 'Who',
    action: 'What',
    intake: 'Intake',
    detail: 'Details',
    openIntake: 'Open intake {id}',
    noIntake: 'None',
    noDetail: 'None'
  },
  values: { yes: 'yes', no: 'no', none: 'none' },
  loading: 'Loading entries…',
  empty: 'No entries match these filters.',
  loadOlder: 'Load older entries',
  verify: {
    title: 'Check the trail',
    intro:
      'Each entry carries a fingerprint of itself and of the entry before it. Checking recomputes every fingerprint, so an entry changed or removed outside the app (with another program) is found.',
    button: 'Verify the trail',
    checking: 'Checking every entry…',
    ok: 'The trail is empty: there is nothing to check yet. | The one entry checks out. | All {count} entries check out.',
    brokenTitle: 'Entry {seq} does not check out',
    brokenReason: 'Reason: {reason}.',
    brokenChecked:
      'It is the first entry. | The entry before it checks out. | The {checked} entries before it check out.',
    brokenAdvice:
      'The database file may have been changed outside the app. Keep the file and your backups as they are, and contact your support.'
  }
}
