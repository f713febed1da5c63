/**
 * The child process of the SIGKILL test (run with `node --import tsx`): opens
 * the real database the way the app does and saves intakes through the real
 * service until it is killed.
 *
 * Before each save it prints what it is about to save ("intent"), and after
 * the save has resolved it prints an acknowledgement ("ack"), each as one JSON
 * line written synchronously, so the parent sees an "ack" only for a save the
 * service reported done, and knows the one save that may have been cut short.
 *
 * Usage: saveLoop.ts <database file> <seed>
 */
import fs from 'node:fs'
import { openDatabase } from '../../../../electron/main/services/database/openDatabase'
import { createSqliteIntakeService } from '../../../../electron/main/services/intakes/sqliteIntakeService'
import { randomInt, seededRandom, variedAnswers } from '../support/dataSafetyFixtures'
import { saveAtLatest } from '../support/intakeWrites'

const [databasePath, seedText] = process.argv.slice(2)
if (databasePath === undefined || seedText === undefined) {
  throw new Error('Usage: saveLoop.ts <database file> <seed>')
}

/** One line on stdout, written before anything else happens (a pipe write is otherwise queued). */
function say(message: Record<string, unknown>): void {
  fs.writeSync(1, `${JSON.stringify(message)}\n`)
}

const random = seededRandom(Number(seedText))
const db = openDatabase(databasePath)
const service = createSqliteIntakeService(db, { now: () => new Date() })
// The drafts a previous run left (including one whose creation a kill cut
// short after it was committed), then the ones this run creates.
const drafts = (await service.listUnfinished()).map((draft) => draft.id)
say({ t: 'ready' })

for (;;) {
  const answers = variedAnswers(random)
  const target =
    drafts.length > 0 && random() < 0.6 ? drafts[randomInt(random, drafts.length)] : undefined
  if (target === undefined) {
    say({ t: 'intent', op: 'create', answers })
    const created = await service.createDraft({ answers, entryMode: 'staff' }, 'staff')
    say({ t: 'ack', op: 'create', id: created.id, answers: created.answers })
    drafts.push(created.id)
  } else {
    say({ t: 'intent', op: 'save', id: target, answers })
    await saveAtLatest(service, { id: target, answers }, 'staff')
    say({ t: 'ack', op: 'save', id: target, answers })
  }
}
