/** The intake service's shared suite over the local SQLite store (the app's own backend). */
import path from 'node:path'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import { createSqliteIntakeStore } from '../../../../../electron/main/services/database/sqliteIntakeStore'
import { useTempDirs } from '../../support/tempDir'
import { describeIntakeService } from './intakeServiceSuite'

const tempDir = useTempDirs('intake-service-suite')

describeIntakeService('SQLite', () => {
  const db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
  return { store: createSqliteIntakeStore(db), close: () => db.close() }
})
