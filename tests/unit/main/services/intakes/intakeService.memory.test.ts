/**
 * The intake service's shared suite over a second, in-memory backend: proof
 * that the rules depend on the store interface alone.
 */
import { describeIntakeService } from './intakeServiceSuite'
import { createMemoryIntakeStore } from './memoryIntakeStore'

describeIntakeService('an in-memory store', () => ({
  store: createMemoryIntakeStore(),
  close: () => undefined
}))
