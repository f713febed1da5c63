/**
 * Wording of data safety: the database check, backups and restore (Settings,
 * administrators), the banner shown when saving has stopped, and the notice on
 * a damaged record. Staff screens are in English; this object is mounted as
 * `staff.dataSafety`, so components use keys `staff.dataSafety.…`.
 */
export default {
  title: 'Data safety',
  intro:
    'The database is checked in the background each time the app starts. Backups are complete copies of it, kept in a folder you choose: choose one on another drive, a network share or a USB drive, so a backup survives losing this computer’s disk.',
  loadFailed: 'The data safety settings could not be loaded: {message}',
  integrity: {
    heading: 'Database check',
    notRun: 'The database has not been checked since the app started.',
    running: 'Checking the database… The app can be used meanwhile.',
    ok: 'The database passed its check at {time}.',
    failed:
      'The database failed its check at {time}. Saving has stopped; records can still be read. Restore the most recent backup below.',
    problems: 'What the check reported',
    checkNow: 'Check now',
    checking: 'Checking…'
  },
  lastBackup: 'Last backup: {time}.',
  noBackup: 'No backup has been made yet.',
  settings: {
    heading: 'Backup settings',
    folder: 'Backup folder',
    noFolder: 'No folder chosen: no backups are made.',
    choose: 'Choose folder…',
    clear: 'Stop backups',
    keep: 'Backups to keep',
    keepHint:
      'From {min} to {max}. After each new backup, the oldest beyond this number are deleted.',
    daily: 'Make a backup once a day while the app is running',
    save: 'Save backup settings',
    saved: 'Backup settings saved.'
  },
  backups: {
    heading: 'Backups',
    none: 'There are no backups in the folder yet.',
    noFolder: 'Choose a backup folder to see its backups.',
    backUpNow: 'Back up now',
    backingUp: 'Backing up…',
    made: 'Backup made: {fileName}.',
    caption: 'Backups in the backup folder, newest first',
    file: 'File',
    madeAt: 'Made',
    size: 'Size',
    actions: 'Actions',
    restore: 'Restore…',
    restoreLabel: 'Restore the backup made {time}'
  },
  restore: {
    title: 'Restore the backup made {time}?',
    checked: 'The backup is checked first. If it is damaged, nothing is changed.',
    movedAside:
      'The current database is closed and moved aside in the app’s data folder (renamed, never deleted), and the backup takes its place.',
    lost: 'Intakes saved after {time} are not in this backup. They stay in the moved-aside database, which support can recover them from.',
    restart: 'The app then restarts, and everyone has to sign in again.',
    confirm: 'Restore and restart',
    cancel: 'Cancel',
    restoring: 'Checking and restoring the backup…',
    done: 'Restored {fileName}. The previous database was kept as {previous}. The app is restarting…'
  },
  readOnly: {
    title: 'Saving has stopped',
    body: 'The database failed its integrity check. Records can still be read. An administrator can restore a backup in Settings.',
    checkedAt: 'Checked at {time}.'
  },
  damaged: {
    title: 'This record is damaged',
    body: 'Part of this record could not be read as it was saved, so it may be incomplete or wrong. What can be read is shown below. Restore a recent backup, or ask an administrator.',
    draftBody:
      'Part of this unfinished record could not be read as it was saved. What can be read is shown below: check every answer with the patient and re-enter what is missing or wrong. Saving keeps what is on screen. If the missing answers matter, ask an administrator to restore a recent backup first.',
    problems: 'What is wrong'
  },
  size: {
    bytes: '{count} bytes',
    kilobytes: '{count} KB',
    megabytes: '{count} MB'
  }
}
