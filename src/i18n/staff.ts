import accounts from './staffAccounts'
import amendments from './staffAmendments'
import audit from './staffAudit'
import dataSafety from './staffDataSafety'
import queue from './staffQueue'
import record from './staffRecord'
import search from './staffSearch'
import triage from './staffTriage'
import visits from './staffVisits'

/**
 * Staff-only wording. Staff screens are in English (the clinic's working
 * language); these keys are merged into the English messages and every other
 * locale falls back to them.
 */
export default {
  staff: {
    accounts,
    amendments,
    audit,
    dataSafety,
    queue,
    record,
    search,
    triage,
    visits,
    title: 'Back Intake',
    mode: { staff: 'Staff mode', patient: 'Patient mode' },
    alert: {
      emergency: 'EMERGENCY: see this patient now',
      urgent: 'Urgent: a clinician must review before any treatment',
      review: 'For review',
      notice: 'Note for the clinician',
      acknowledge: 'Acknowledge',
      show: 'Why?',
      hide: 'Hide details',
      why: 'Answers behind it',
      uncertain: 'Uncertain: “not sure” answers raised this flag. Ask the patient.'
    },
    concern: { none: 'No flags', review: 'Review', urgent: 'Urgent', emergency: 'Emergency' },
    patterns: {
      'doms-like':
        'Consistent with delayed-onset muscle soreness (usually eases within about 72 hours)',
      'strain-like': 'Consistent with an acute muscle strain',
      radicular: 'Radiating leg pain: possible nerve-root involvement (e.g. disc)',
      inflammatory: 'Inflammatory-type pain pattern',
      'training-load': 'Training load or technique factors reported'
    },
    list: {
      title: 'Intakes',
      search: 'Search by name',
      searchPlaceholder: 'Given or family name',
      status: 'Status',
      all: 'All',
      draft: 'Unfinished',
      submitted: 'Submitted',
      name: 'Patient',
      dob: 'Date of birth',
      concern: 'Concern',
      updated: 'Last change',
      open: 'Open',
      empty: 'No intakes match.',
      more: 'Show more'
    },
    detail: {
      title: 'Intake',
      back: 'Back to intakes',
      flags: 'Flags',
      noFlags: 'No red flags on this questionnaire.',
      currentRules: 'Under the current rules (version {version}):',
      currentRulesNote: 'The evaluation above is kept as it was submitted.',
      history: 'History',
      historyNone: 'Nothing recorded.',
      patterns: 'Patterns to consider',
      noPatterns: 'None.',
      scores: 'Scores',
      startBack: 'STarT Back',
      startBackValue: '{total}/9, psychosocial {psychosocial}/5: {risk} risk',
      peg: 'PEG',
      painNow: 'Pain now',
      painWorst: 'Worst pain (week)',
      age: 'Age',
      answers: 'Answers',
      status: 'Status',
      submittedAt: 'Submitted',
      snapshotNote: 'Evaluation as computed at submission, under rules version {version}.',
      liveNote: 'Unfinished: evaluation of the answers so far, under rules version {version}.',
      continue: 'Continue this intake',
      missing: 'Still missing',
      notScored: 'not scored (items missing)'
    },
    risk: { low: 'low', medium: 'medium', high: 'high' },
    pdf: {
      export: 'Export PDF…',
      print: 'Print…',
      making: 'Making the PDF summary…',
      saved: 'PDF saved as {fileName}.',
      notSaved: 'Not saved: the save dialog was closed.',
      printed: 'Sent to the printer.',
      notPrinted: 'Not printed: the print dialog was closed.',
      dayTitle: 'PDF summaries of a day',
      day: 'Day submitted',
      exportDay: 'Export the day’s summaries',
      cancel: 'Cancel',
      dayProgress: 'Writing summary {done} of {total}…',
      dayProgressLabel: 'Summaries written',
      dayDone: 'Saved {written} of {total} summaries to {folder}.',
      dayNone: 'No intake was submitted on {date}.',
      dayCancelled:
        'Cancelled after {written} of {total} summaries; those are kept whole in {folder}.',
      dayNoFolder: 'Not exported: the folder dialog was closed.',
      dayFailed: 'Not written: {fileName} ({message})',
      settingsTitle: 'PDF summary',
      settingsIntro:
        'The summary a clinician reads before the consultation, prints for the file or sends on. It shows the patient’s name and date of birth; contact details only when chosen here.',
      pageSize: 'Paper size',
      a4: 'A4',
      letter: 'US Letter',
      includeContact: 'Print the patient’s phone, e-mail and emergency contact',
      saveSettings: 'Save PDF settings',
      settingsSaved: 'PDF settings saved.',
      settingsLoadFailed: 'The PDF settings could not be read: {message}'
    },
    fhir: {
      exportIntake: 'Export FHIR…',
      exportDay: 'Export the day as FHIR',
      day: 'Day',
      busy: 'Exporting…',
      saved: 'Saved one intake as {fileName}. | Saved {count} intakes as {fileName}.',
      notSaved: 'Not saved: the save dialog was closed.'
    },
    redFlagHistory: {
      title: 'Red-flag answer history',
      note: 'The flags above come from the final answers. This keeps every red-flag answer as it was given and changed, and every alert raised on the way.',
      changed: 'Changed answers',
      noneChanged: 'No red-flag answer was changed.',
      once: 'Answered once, not changed'
    },
    settings: {
      title: 'Settings',
      dataDir: 'Data folder',
      version: 'Version',
      clinicTitle: 'Clinic details',
      clinicIntro:
        'The phone number is shown to a patient alone with the device when an answer means a clinician should see them at once. Leave a field empty to leave it unset.',
      clinicName: 'Clinic name',
      clinicAddress: 'Address',
      clinicPhone: 'Phone number',
      clinicPhoneHelp: 'Digits, spaces and + - ( ) . only, at least 6 digits.',
      saveClinic: 'Save clinic details',
      clinicSaved: 'Clinic details saved.',
      clinicFix: 'Check the highlighted field.',
      clinicLoadFailed: 'The clinic details could not be read: {message}',
      privacyTitle: 'Privacy notice',
      privacyIntro:
        'Patients read this on the consent step, in their own language, before they can tick the privacy box. Each language starts with the app’s default notice: change it to your clinic’s own wording, or empty it to use the default again.',
      privacyHelp: 'Plain text, up to {max} characters. Leave an empty line between paragraphs.',
      privacyLanguages: {
        en: 'English notice',
        zh: 'Chinese notice (简体中文)',
        es: 'Spanish notice (Español)'
      },
      privacyUsesDefault: 'Uses the default notice.',
      privacyUsesCustom: 'Uses your clinic’s own notice.',
      privacyReset: 'Reset to default',
      privacyResetLabel: 'Reset to default: {language}',
      savePrivacy: 'Save privacy notice',
      privacySaved: 'Privacy notice saved.',
      privacyLoadFailed: 'The privacy notice could not be read: {message}'
    },
    unlock: {
      title: 'Staff sign-in',
      intro: 'A member of staff signs in to take the device back.',
      name: 'Your name',
      secret: 'Password or PIN',
      unlock: 'Sign in',
      cancel: 'Cancel',
      exitPatientMode: 'Leave patient mode'
    },
    newQuestions: {
      title: 'New questions since this intake was started',
      intro:
        'The form has changed since this intake was begun. Every answer is kept; please also ask these before submitting:'
    },
    readOnly: {
      title: 'This intake has been submitted',
      body: 'It was submitted on {time} and can no longer be changed here. Its answers and evaluation are kept in the record.',
      open: 'Open the record'
    },
    handover: {
      takenBack:
        'Staff have taken over this intake from the patient. When you have finished, hand it back: the patient continues where they were.',
      handBack: 'Hand back to the patient',
      done: 'The patient has submitted the intake.',
      returnToStaff: 'Hand the device back to staff'
    }
  }
}
