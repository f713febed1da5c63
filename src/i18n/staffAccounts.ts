/**
 * Sign-in, staff accounts and the idle lock: staff wording, mounted as
 * `staff.accounts`.
 */
export default {
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with your name and your password or PIN.',
    name: 'Name',
    secret: 'Password or PIN',
    submit: 'Sign in',
    busy: 'Checking…',
    lockedIdle:
      'The app locked itself after {minutes} minutes without use. Sign in to carry on: anything typed before it locked was saved.',
    signedOut: 'You have signed out.'
  },
  firstRun: {
    title: 'Set up Back Intake',
    intro:
      'No one has an account yet. Create the first administrator: they add the other staff and choose who can do what.',
    name: 'Administrator’s name',
    secret: 'Password or PIN',
    confirm: 'Repeat the password or PIN',
    submit: 'Create administrator and sign in',
    mismatch: 'The two entries do not match.'
  },
  secretRules:
    'A password of at least 10 characters, or a PIN of 6 to 12 digits that is not repeated or in sequence (not 111111 or 123456).',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name} ({role})',
  roles: {
    'front-desk': 'Front desk',
    clinician: 'Clinician',
    administrator: 'Administrator'
  },
  roleHelp: {
    'front-desk': 'Starts, continues and submits intakes; sees the queue; prints summaries.',
    clinician: 'Also opens full records, exports summaries and FHIR, and triages.',
    administrator: 'Also manages staff accounts, clinic settings, backups and the audit trail.'
  },
  idle: {
    title: 'Still there?',
    body: 'For privacy the app locks in {seconds} seconds. Anything typed is saved first.',
    stay: 'Stay signed in',
    lockNow: 'Lock now'
  },
  own: {
    title: 'Your password or PIN',
    current: 'Current password or PIN',
    next: 'New password or PIN',
    confirm: 'Repeat the new one',
    save: 'Change password or PIN',
    saved: 'Changed. Use the new one next time you sign in.',
    mismatch: 'The two new entries do not match.'
  },
  security: {
    title: 'Automatic lock',
    intro:
      'After this many minutes without a key press, click or touch, the app locks to the sign-in screen (a warning comes 30 seconds before). Patient mode never locks this way: the patient stays on their form.',
    minutes: 'Minutes without use',
    save: 'Save',
    saved: 'Saved.'
  },
  staffPage: {
    title: 'Staff accounts',
    intro:
      'Everyone signs in with their own account, so the audit trail names who did what. Roles build on each other.',
    name: 'Name',
    role: 'Role',
    status: 'Status',
    lastSignIn: 'Last sign-in',
    never: 'never',
    active: 'Active',
    inactive: 'Turned off',
    you: '(you)',
    add: 'Add a member of staff',
    addButton: 'Add account',
    added: 'Account added for {name}.',
    changeRole: 'Role for {name}',
    saveRole: 'Save role',
    turnOff: 'Turn off',
    turnOn: 'Turn on',
    turnOffConfirm:
      'Turn off the account of {name}? They will not be able to sign in. Their entries in the audit trail stay.',
    resetSecret: 'Set a new password or PIN',
    resetFor: 'New password or PIN for {name}',
    resetSave: 'Set',
    resetDone: 'New password or PIN set for {name}. Their lockout, if any, is cleared.',
    cancel: 'Cancel',
    updated: 'Saved.'
  },
  nav: {
    staff: 'Staff',
    audit: 'Audit trail'
  }
}
