/**
 * The handlers through the real app core: who the red-flag history names comes
 * from the caller's role, the patient never sees that history, the front desk
 * never opens a submitted record, and the staff handlers keep their own rules
 * (the current secret to change it, nobody changes their own role).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ApiArgs,
  ApiMethod,
  ApiResult,
  AppError,
  AuditEntry,
  StaffRole
} from '../../../src/domain'
import { createAppCore, type AppCore } from '../../../electron/main/appCore'
import { completeAnswers } from './support/sampleAnswers'
import {
  STAFF_CREDENTIALS,
  callOk,
  createStaff,
  millisecondClock,
  signInAs,
  signOutAll
} from './support/staffSessions'
import { useTempDirs } from './support/tempDir'

const tempDir = useTempDirs('handlers')
/** scrypt at the app's cost takes about a tenth of a second: tests with many checks need time. */
const SLOW = 60_000

let core: AppCore
let ids: Record<StaffRole, string>

beforeEach(async () => {
  core = await createAppCore({
    dataDir: tempDir(),
    version: '0.0.0-test',
    transport: 'web',
    now: millisecondClock()
  })
  ids = await createStaff(core.dispatch)
})

afterEach(() => core.close())

/** A typed call that must succeed. */
function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  return callOk(core.dispatch, method, args)
}

/** A call that must fail. */
async function refused(method: ApiMethod, args: unknown): Promise<AppError> {
  const result = await core.dispatch(method, args)
  if (result.ok)
    throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value)}`)
  return result.error
}

/** The whole audit trail, oldest first, read as an administrator (who stays signed in). */
async function trail(): Promise<AuditEntry[]> {
  await signInAs(core.dispatch, 'administrator')
  const page = await call('listAuditEvents', { limit: 500 })
  return [...page.entries].reverse()
}

describe('red-flag history and the caller', () => {
  it('names the patient for changes made in patient mode, and hides the history from the patient', async () => {
    const { id } = await call('createDraft', { answers: {}, entryMode: 'patient' })
    await call('startPatientMode', { intakeId: id })

    await call('saveDraft', { id, revision: 1, answers: { 'rf.bladder': 'yes' } })
    await call('saveDraft', { id, revision: 2, answers: { 'rf.bladder': 'no' } })

    // The patient's own screen reads the record: the answers, but no history of changes or alerts.
    const asPatient = await call('getIntake', { id })
    expect(asPatient.answers['rf.bladder']).toBe('no')
    expect(asPatient.redFlagHistory).toEqual([])
    const submitted = await call('submitIntake', { id, revision: 3, answers: completeAnswers() })
    expect(submitted.status).toBe('submitted')
    expect(submitted.redFlagHistory).toEqual([])

    await call('exitPatientMode', STAFF_CREDENTIALS.clinician)
    const asStaff = await call('getIntake', { id })
    expect(asStaff.redFlagHistory.slice(0, 3)).toEqual([
      expect.objectContaining({ kind: 'answer', itemId: 'rf.bladder', from: null, to: 'yes' }),
      expect.objectContaining({ kind: 'alert', condition: 'cauda-equina', level: 'emergency' }),
      expect.objectContaining({ kind: 'answer', itemId: 'rf.bladder', from: 'yes', to: 'no' })
    ])
    // Every change, the submission's first answers to the other questions included, was the patient's.
    expect(asStaff.redFlagHistory.length).toBeGreaterThan(3)
    expect(asStaff.redFlagHistory.every((event) => event.by === 'patient')).toBe(true)

    // The alert is in the trail under the patient, with nobody's name.
    const alert = (await trail()).find((entry) => entry.action === 'red-flag-alert')
    expect(alert).toMatchObject({
      actor: { staffId: null, name: null, role: 'patient' },
      intakeId: id,
      detail: { condition: 'cauda-equina', level: 'emergency' }
    })
  })

  it('names staff for changes made outside patient mode, and the member of staff in the trail', async () => {
    await signInAs(core.dispatch, 'front-desk')
    const draft = await call('createDraft', {
      answers: { 'rf.saddleNumbness': 'yes' },
      entryMode: 'staff'
    })
    expect(draft.redFlagHistory.map((event) => [event.kind, event.by])).toEqual([
      ['answer', 'staff'],
      ['alert', 'staff']
    ])

    const desk = { staffId: ids['front-desk'], name: 'Ben Okafor', role: 'front-desk' }
    const entries = (await trail()).filter((entry) => entry.intakeId === draft.id)
    expect(entries.map((entry) => [entry.action, entry.actor])).toEqual([
      ['red-flag-alert', desk],
      ['intake-created', desk]
    ])
  })
})

describe('who opens an intake', () => {
  it('lets the front desk continue a draft but not open a submitted record; a clinician opens both', async () => {
    const draft = await call('createDraft', { answers: {}, entryMode: 'staff' })
    const done = await call('createDraft', { answers: {}, entryMode: 'staff' })
    await call('submitIntake', { id: done.id, revision: done.revision, answers: completeAnswers() })

    await signInAs(core.dispatch, 'front-desk')
    expect((await call('getIntake', { id: draft.id })).id).toBe(draft.id)
    const error = await refused('getIntake', { id: done.id })
    expect(error).toEqual({
      code: 'forbidden',
      message: 'This intake has been submitted. A clinician can open the full record.'
    })
    expect(JSON.stringify(error)).not.toContain('Maya')

    await signInAs(core.dispatch, 'clinician')
    expect((await call('getIntake', { id: done.id })).status).toBe('submitted')

    // Each opening is in the trail; the refused one is not.
    const viewed = (await trail()).filter((entry) => entry.action === 'intake-viewed')
    expect(viewed.map((entry) => [entry.actor.role, entry.intakeId])).toEqual([
      ['front-desk', draft.id],
      ['clinician', done.id]
    ])
  })
})

describe('changing one’s own password or PIN', () => {
  it(
    'needs the current secret, records a wrong one, and signs in with the new one after',
    async () => {
      await signInAs(core.dispatch, 'front-desk')

      const wrong = await refused('changeOwnSecret', {
        currentSecret: '583920',
        newSecret: '740263'
      })
      expect(wrong.code).toBe('forbidden')
      expect(
        await call('changeOwnSecret', { currentSecret: '274951', newSecret: '740263' })
      ).toEqual({})

      await signOutAll(core.dispatch)
      expect((await refused('signIn', STAFF_CREDENTIALS['front-desk'])).code).toBe('forbidden')
      expect((await call('signIn', { name: 'Ben Okafor', secret: '740263' })).role).toBe(
        'front-desk'
      )

      const entries = (await trail()).filter((entry) => entry.actor.staffId === ids['front-desk'])
      expect(entries.map((entry) => [entry.action, entry.detail])).toEqual([
        ['sign-in', {}],
        ['sign-in-failed', { reason: 'change-secret' }],
        ['secret-changed', { staffId: ids['front-desk'] }],
        ['sign-out', {}],
        ['sign-in-failed', { reason: 'wrong-secret' }],
        ['sign-in', {}],
        // trail() signs the administrator in to read it.
        ['sign-out', {}]
      ])
      expect(JSON.stringify(entries)).not.toMatch(/274951|740263|583920/)
    },
    SLOW
  )

  it('refuses a weak new secret and keeps the old one', async () => {
    await signInAs(core.dispatch, 'clinician')

    const error = await refused('changeOwnSecret', {
      currentSecret: STAFF_CREDENTIALS.clinician.secret,
      newSecret: '123456'
    })

    expect(error.code).toBe('invalid-argument')
    expect(error.issues).toEqual([expect.objectContaining({ itemId: 'secret' })])
    await signOutAll(core.dispatch)
    expect((await call('signIn', STAFF_CREDENTIALS.clinician)).role).toBe('clinician')
  })

  it(
    'locks the account after five wrong current secrets, like a sign-in',
    async () => {
      await signInAs(core.dispatch, 'clinician')
      for (let i = 0; i < 5; i++) {
        await refused('changeOwnSecret', {
          currentSecret: 'not my password',
          newSecret: 'whatever else'
        })
      }

      const locked = await refused('changeOwnSecret', {
        currentSecret: STAFF_CREDENTIALS.clinician.secret,
        newSecret: 'a new clinician secret'
      })

      expect(locked.code).toBe('forbidden')
      expect(locked.message).toMatch(/Too many wrong attempts/)
    },
    SLOW
  )
})

describe('managing staff', () => {
  it('adds an account, records it, and lists accounts without any secret or hash', async () => {
    const added = await call('addStaff', {
      name: 'Dee Mensah',
      role: 'clinician',
      secret: '805316'
    })

    expect(added).toMatchObject({
      name: 'Dee Mensah',
      role: 'clinician',
      secretKind: 'pin',
      active: true
    })
    const listed = await call('listStaff', {})
    expect(listed.map((member) => member.name)).toEqual([
      'Ana Ruiz',
      'Ben Okafor',
      'Cleo Park',
      'Dee Mensah'
    ])
    const text = JSON.stringify(listed)
    expect(text).not.toMatch(/scrypt|secretHash|805316|274951|correct horse/)
    const entry = (await trail()).find(
      (found) => found.action === 'staff-added' && found.detail['staffId'] === added.id
    )
    expect(entry).toMatchObject({
      actor: { staffId: ids.administrator, role: 'administrator' },
      detail: { staffId: added.id, role: 'clinician' }
    })
  })

  it('refuses a name already taken', async () => {
    const error = await refused('addStaff', {
      name: ' ben  okafor',
      role: 'clinician',
      secret: '805316'
    })
    expect(error.code).toBe('invalid-argument')
    expect(error.issues).toEqual([
      expect.objectContaining({ itemId: 'name', code: 'duplicate-code' })
    ])
  })

  it('changes another account and records what changed', async () => {
    const updated = await call('updateStaff', { id: ids['front-desk'], role: 'clinician' })
    expect(updated.role).toBe('clinician')
    expect((await call('updateStaff', { id: ids.clinician, active: false })).active).toBe(false)

    const changed = (await trail()).filter((entry) => entry.action === 'staff-changed')
    expect(changed.map((entry) => entry.detail)).toEqual([
      { staffId: ids['front-desk'], role: 'clinician' },
      { staffId: ids.clinician, active: false }
    ])
    await signOutAll(core.dispatch)
    const off = await refused('signIn', STAFF_CREDENTIALS.clinician)
    expect(off.message).toMatch(/turned off/)
  })

  it('never lets an administrator change their own role or turn themselves off', async () => {
    for (const changes of [{ role: 'clinician' as const }, { active: false }]) {
      const error = await refused('updateStaff', { id: ids.administrator, ...changes })
      expect({ changes, code: error.code }).toEqual({ changes, code: 'conflict' })
    }
    const me = (await call('listStaff', {})).find((member) => member.id === ids.administrator)
    expect(me).toMatchObject({ role: 'administrator', active: true })
    expect((await trail()).some((entry) => entry.action === 'staff-changed')).toBe(false)
  })

  it('answers not-found for an account that does not exist', async () => {
    const missing = '7d3c2f7e-4a7b-4c36-9a55-0f5a3b2c1d0e'
    expect((await refused('updateStaff', { id: missing, active: false })).code).toBe('not-found')
    expect((await refused('resetStaffSecret', { id: missing, secret: '805316' })).code).toBe(
      'not-found'
    )
  })

  it(
    'resets a forgotten secret, which also ends a lockout',
    async () => {
      await signOutAll(core.dispatch)
      for (let i = 0; i < 6; i++) await refused('signIn', { name: 'Ben Okafor', secret: '583920' })
      expect((await refused('signIn', STAFF_CREDENTIALS['front-desk'])).message).toMatch(
        /Too many wrong attempts/
      )

      await signInAs(core.dispatch, 'administrator')
      const reset = await call('resetStaffSecret', {
        id: ids['front-desk'],
        secret: 'front desk password'
      })
      expect(reset.secretKind).toBe('password')

      await signOutAll(core.dispatch)
      expect(
        (await call('signIn', { name: 'Ben Okafor', secret: 'front desk password' })).role
      ).toBe('front-desk')
      const entry = (await trail()).find((found) => found.action === 'secret-changed')
      expect(entry?.detail).toEqual({ staffId: ids['front-desk'], by: 'administrator' })
    },
    SLOW
  )
})

describe('security settings through the core', () => {
  it('are read by every role and changed by administrators only, and the change is recorded', async () => {
    expect(await call('setSecuritySettings', { idleLockMinutes: 15 })).toEqual({
      idleLockMinutes: 15
    })
    for (const role of ['front-desk', 'clinician'] as const) {
      await signInAs(core.dispatch, role)
      expect(await call('getSecuritySettings', {})).toEqual({ idleLockMinutes: 15 })
      expect((await refused('setSecuritySettings', { idleLockMinutes: 60 })).code).toBe('forbidden')
    }
    await signInAs(core.dispatch, 'administrator')
    expect((await refused('setSecuritySettings', { idleLockMinutes: 0 })).code).toBe(
      'invalid-argument'
    )
    expect((await call('getSession', {})).idleLockMinutes).toBe(15)
    const changed = (await trail()).filter((entry) => entry.action === 'settings-changed')
    expect(changed.map((entry) => entry.detail)).toEqual([{ setting: 'idleLockMinutes' }])
  })
})
