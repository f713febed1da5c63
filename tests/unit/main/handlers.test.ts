/**
 * The handlers through the real app core: who the red-flag history names comes
 * from the caller's role, and the patient never sees that history.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiArgs, ApiMethod, ApiResult } from '../../../src/domain'
import { createAppCore, type AppCore } from '../../../electron/main/appCore'
import { completeAnswers, steppingClock } from './support/sampleAnswers'
import { useTempDirs } from './support/tempDir'

const tempDir = useTempDirs('handlers')
const PIN = '4826'

let core: AppCore

beforeEach(async () => {
  core = await createAppCore({
    dataDir: tempDir(),
    version: '0.0.0-test',
    transport: 'web',
    now: steppingClock().now
  })
})

afterEach(() => core.close())

/** A typed call that must succeed. */
async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  const result = await core.dispatch(method, args)
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
  return result.value as ApiResult<M>
}

describe('red-flag history and the caller', () => {
  it('names the patient for changes made in patient mode, and hides the history from the patient', async () => {
    await call('setStaffPin', { newPin: PIN })
    const { id } = await call('createDraft', { answers: {}, entryMode: 'patient' })
    await call('startPatientMode', { intakeId: id })

    await call('saveDraft', { id, answers: { 'rf.bladder': 'yes' } })
    await call('saveDraft', { id, answers: { 'rf.bladder': 'no' } })

    // The patient's own screen reads the record: the answers, but no history of changes or alerts.
    const asPatient = await call('getIntake', { id })
    expect(asPatient.answers['rf.bladder']).toBe('no')
    expect(asPatient.redFlagHistory).toEqual([])
    const submitted = await call('submitIntake', { id, answers: completeAnswers() })
    expect(submitted.status).toBe('submitted')
    expect(submitted.redFlagHistory).toEqual([])

    await call('exitPatientMode', { pin: PIN })
    const asStaff = await call('getIntake', { id })
    expect(asStaff.redFlagHistory.slice(0, 3)).toEqual([
      expect.objectContaining({ kind: 'answer', itemId: 'rf.bladder', from: null, to: 'yes' }),
      expect.objectContaining({ kind: 'alert', condition: 'cauda-equina', level: 'emergency' }),
      expect.objectContaining({ kind: 'answer', itemId: 'rf.bladder', from: 'yes', to: 'no' })
    ])
    // Every change, the submission's first answers to the other questions included, was the patient's.
    expect(asStaff.redFlagHistory.length).toBeGreaterThan(3)
    expect(asStaff.redFlagHistory.every((event) => event.by === 'patient')).toBe(true)
  })

  it('names staff for changes made outside patient mode', async () => {
    const draft = await call('createDraft', {
      answers: { 'rf.saddleNumbness': 'yes' },
      entryMode: 'staff'
    })
    expect(draft.redFlagHistory.map((event) => [event.kind, event.by])).toEqual([
      ['answer', 'staff'],
      ['alert', 'staff']
    ])
  })
})
