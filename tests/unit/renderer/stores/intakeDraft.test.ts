/**
 * The intake draft store against a fake `window.api` that keeps drafts in a
 * Map and validates answers as the main process does, so autosave, retries
 * and submission are exercised the way the app uses them. Timers are fake:
 * the typing pause and the retry delays are stepped through, never waited for.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  evaluateIntake,
  FORM_VERSION,
  todayIso,
  validateAnswers,
  type ApiArgs,
  type ApiMethod,
  type AppError,
  type DraftSaved,
  type IntakeAnswers,
  type IntakeRecord,
  type Result
} from '../../../../src/domain'
import type * as IntakeDraftModule from '../../../../src/stores/intakeDraft'
import { answersWith } from '../../domain/testAnswers'
import { NotFakedApi } from '../support/notFakedApi'

/** A weekday morning; the baseline patient is 30 on this date. */
const NOW = new Date('2026-11-20T10:00:00')
/** More saves than any test needs: a store that keeps saving fails instead of spinning forever. */
const RUNAWAY_SAVES = 25

function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

function fail<T>(error: AppError): Result<T> {
  return { ok: false, error }
}

/** What the fake keeps of a save or submission: the answers sent, as they were sent. */
interface SentAnswers {
  readonly id: string
  readonly answers: IntakeAnswers
}

/**
 * The main process as far as drafts go: a Map of records, draft and submit
 * validation from the domain, revision checks (a write based on an older
 * revision is a conflict), and switches to make saves slow or failing.
 */
class FakeIntakeApi extends NotFakedApi {
  readonly drafts = new Map<string, IntakeRecord>()
  /** Every method called, in order. */
  readonly log: ApiMethod[] = []
  /** The id and answers of every saveDraft call, answers copied as they were sent. */
  readonly saves: SentAnswers[] = []
  /** The revision each saveDraft call was based on, in order. */
  readonly savedRevisions: number[] = []
  readonly submits: SentAnswers[] = []
  /** While set, every saveDraft answers with this error (a full disk, a locked file). */
  saveFailure: AppError | null = null
  /** While set, every saveDraft call rejects with it (the IPC itself broke). */
  saveRejection: Error | null = null
  /** While true, each saveDraft waits for {@link releaseSave} before answering: a slow disk. */
  holdSaves = false
  private readonly held: Array<() => void> = []
  private nextId = 1

  constructor() {
    super('the draft store')
  }

  /** Lets the oldest held save go on. */
  releaseSave(): void {
    const next = this.held.shift()
    if (!next) throw new Error('No saveDraft call is waiting to be released.')
    next()
  }

  get heldSaves(): number {
    return this.held.length
  }

  private today(): string {
    return todayIso(new Date())
  }

  override createDraft(args: ApiArgs<'createDraft'>): Promise<Result<IntakeRecord>> {
    this.log.push('createDraft')
    const checked = validateAnswers(args.answers, { mode: 'draft', asOf: this.today() })
    if (!checked.ok) {
      return Promise.resolve(
        fail({ code: 'invalid-argument', message: 'Bad answers.', issues: checked.issues })
      )
    }
    const timestamp = new Date().toISOString()
    const record: IntakeRecord = {
      id: `intake-${this.nextId++}`,
      status: 'draft',
      kind: 'initial',
      followUp: null,
      formVersion: FORM_VERSION,
      answers: checked.answers,
      evaluation: evaluateIntake(checked.answers, { asOf: this.today() }),
      currentRules: null,
      redFlagHistory: [],
      triage: [],
      amendments: [],
      visits: [],
      patientId: null,
      revision: 1,
      createdAt: timestamp,
      updatedAt: timestamp,
      submittedAt: null
    }
    this.drafts.set(record.id, record)
    return Promise.resolve(ok(record))
  }

  override async saveDraft(args: ApiArgs<'saveDraft'>): Promise<Result<DraftSaved>> {
    this.log.push('saveDraft')
    this.saves.push({ id: args.id, answers: { ...args.answers } })
    this.savedRevisions.push(args.revision)
    if (this.saves.length > RUNAWAY_SAVES) {
      return fail({ code: 'conflict', message: 'Runaway saves: the store keeps saving.' })
    }
    if (this.holdSaves) await new Promise<void>((resolve) => this.held.push(resolve))
    if (this.saveRejection) throw this.saveRejection
    if (this.saveFailure) return fail(this.saveFailure)
    const record = this.drafts.get(args.id)
    if (!record) return fail({ code: 'not-found', message: 'No such intake.' })
    if (record.status !== 'draft') return fail({ code: 'conflict', message: 'Already submitted.' })
    if (args.revision !== record.revision) return fail(this.staleRevision(record))
    const checked = validateAnswers(args.answers, { mode: 'draft', asOf: this.today() })
    if (!checked.ok) {
      return fail({
        code: 'invalid-argument',
        message: 'Some answers are not valid, so the draft was not saved.',
        issues: checked.issues
      })
    }
    const evaluation = evaluateIntake(checked.answers, { asOf: this.today() })
    const saved: IntakeRecord = {
      ...record,
      answers: checked.answers,
      evaluation,
      revision: record.revision + 1,
      updatedAt: new Date().toISOString()
    }
    this.drafts.set(saved.id, saved)
    return ok({
      id: saved.id,
      revision: saved.revision,
      updatedAt: saved.updatedAt,
      concern: evaluation.concern
    })
  }

  override submitIntake(args: ApiArgs<'submitIntake'>): Promise<Result<IntakeRecord>> {
    this.log.push('submitIntake')
    this.submits.push({ id: args.id, answers: { ...args.answers } })
    const record = this.drafts.get(args.id)
    if (!record) return Promise.resolve(fail({ code: 'not-found', message: 'No such intake.' }))
    if (record.status !== 'draft') {
      return Promise.resolve(fail({ code: 'conflict', message: 'Already submitted.' }))
    }
    if (args.revision !== record.revision) return Promise.resolve(fail(this.staleRevision(record)))
    const checked = validateAnswers(args.answers, { mode: 'submit', asOf: this.today() })
    if (!checked.ok) {
      return Promise.resolve(
        fail({
          code: 'invalid-argument',
          message: 'The intake cannot be submitted yet: some answers are missing or not valid.',
          issues: checked.issues
        })
      )
    }
    const timestamp = new Date().toISOString()
    const submitted: IntakeRecord = {
      ...record,
      status: 'submitted',
      answers: checked.answers,
      evaluation: evaluateIntake(checked.answers, { asOf: this.today() }),
      revision: record.revision + 1,
      updatedAt: timestamp,
      submittedAt: timestamp
    }
    this.drafts.set(submitted.id, submitted)
    return Promise.resolve(ok(submitted))
  }

  /** The error the main process gives a write based on an older revision. */
  private staleRevision(record: IntakeRecord): AppError {
    return {
      code: 'conflict',
      message: 'This draft was saved elsewhere since this window last saved it.',
      currentRevision: record.revision
    }
  }

  /** Another window or device saves the draft: its answers, one revision further on. */
  saveElsewhere(id: string, answers: IntakeAnswers): void {
    const record = this.drafts.get(id)
    if (!record) throw new Error(`No draft ${id} to save elsewhere.`)
    this.drafts.set(id, {
      ...record,
      answers,
      evaluation: evaluateIntake(answers, { asOf: this.today() }),
      revision: record.revision + 1,
      updatedAt: new Date().toISOString()
    })
  }

  override getIntake(args: ApiArgs<'getIntake'>): Promise<Result<IntakeRecord>> {
    this.log.push('getIntake')
    const record = this.drafts.get(args.id)
    return Promise.resolve(
      record ? ok(record) : fail({ code: 'not-found', message: 'No such intake.' })
    )
  }
}

type StoreModule = typeof IntakeDraftModule
type IntakeDraftStore = ReturnType<StoreModule['useIntakeDraftStore']>

let fake: FakeIntakeApi
let storeModule: StoreModule

/** A fresh store bound to the current fake (src/api.ts reads window.api once, at import). */
function useStore(): IntakeDraftStore {
  return storeModule.useIntakeDraftStore()
}

/** Runs every promise callback that is ready, without moving the clock. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0)
}

beforeEach(async () => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
  fake = new FakeIntakeApi()
  vi.stubGlobal('window', { api: fake })
  vi.resetModules()
  storeModule = await import('../../../../src/stores/intakeDraft')
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** Opens a new draft the way the start screen does. */
async function openDraft(initial: IntakeAnswers = {}): Promise<IntakeDraftStore> {
  const store = useStore()
  expect(await store.create('staff', initial)).toBeNull()
  return store
}

describe('create', () => {
  it('adopts the record the main process created', async () => {
    const store = useStore()

    const error = await store.create('patient', { 'patient.givenName': 'Maya' })

    expect(error).toBeNull()
    expect(fake.log).toEqual(['createDraft'])
    const [created] = [...fake.drafts.values()]
    expect(created).toBeDefined()
    expect(store.intakeId).toBe(created?.id)
    expect(store.status).toBe('draft')
    expect(store.entryMode).toBe('patient')
    expect(store.answers).toEqual({ 'patient.givenName': 'Maya' })
    expect(store.revision).toBe(1)
    expect(store.saveState).toBe('idle')
    expect(store.saveError).toBeNull()
    expect(store.issues).toEqual({})
    expect(store.submittedRecord).toBeNull()
  })

  it('returns the error and opens nothing when the draft cannot be created', async () => {
    const store = useStore()

    const error = await store.create('staff', { 'pain.now': 42 })

    expect(error?.code).toBe('invalid-argument')
    expect(store.intakeId).toBeNull()
    expect(store.answers).toEqual({})
    expect(fake.drafts.size).toBe(0)
  })
})

describe('setAnswer and autosave', () => {
  it('updates the answers at once and saves only after the typing pause', async () => {
    const store = await openDraft()

    store.setAnswer('patient.givenName', 'Maya')

    expect(store.answers).toEqual({ 'patient.givenName': 'Maya' })
    expect(store.saveState).toBe('pending')
    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS - 1)
    expect(fake.saves).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.saves).toHaveLength(1)
    expect(store.saveState).toBe('saved')
  })

  it('saves once, with the latest answers, after several quick keystrokes', async () => {
    const store = await openDraft()
    const id = store.intakeId

    for (const typed of ['M', 'Ma', 'May', 'Maya']) {
      store.setAnswer('patient.givenName', typed)
      await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS / 2)
    }
    store.setAnswer('complaint.description', 'Sore')
    expect(fake.saves).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS)

    expect(fake.saves).toEqual([
      { id, answers: { 'patient.givenName': 'Maya', 'complaint.description': 'Sore' } }
    ])
    expect(store.saveState).toBe('saved')
    expect(store.revision).toBe(2)
  })

  it('saves a tapped answer at once, without waiting for a typing pause', async () => {
    const store = await openDraft()
    const id = store.intakeId

    store.setAnswer('patient.givenName', 'Maya')
    store.setAnswer('rf.bowel', 'yes')
    await vi.advanceTimersByTimeAsync(0)

    // The tap wrote everything on screen, the typed name included.
    expect(fake.saves).toEqual([
      { id, answers: { 'patient.givenName': 'Maya', 'rf.bowel': 'yes' } }
    ])
    expect(store.saveState).toBe('saved')
    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS)
    expect(fake.saves).toHaveLength(1)
    expect(fake.drafts.get(id ?? '')?.answers).toEqual({
      'patient.givenName': 'Maya',
      'rf.bowel': 'yes'
    })
  })

  it('removes an answer set to undefined or to blank text, never storing an empty string', async () => {
    const store = await openDraft({
      'patient.givenName': 'Maya',
      'patient.familyName': 'Okafor',
      'complaint.description': 'Sore after deadlifts.'
    })

    store.setAnswer('patient.givenName', '')
    store.setAnswer('patient.familyName', '   ')
    store.setAnswer('complaint.description', undefined)

    expect(store.answers).toEqual({})
    expect(Object.keys(store.answers)).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS)
    expect(fake.saves).toHaveLength(1)
    expect(fake.saves[0]?.answers).toEqual({})
    expect(store.saveState).toBe('saved')
  })

  it('clears the issue of the field being answered and keeps the others', async () => {
    const store = await openDraft()
    store.checkItems(['patient.givenName', 'patient.familyName'])
    expect(Object.keys(store.issues).sort()).toEqual(['patient.familyName', 'patient.givenName'])

    store.setAnswer('patient.givenName', 'Maya')

    expect(Object.keys(store.issues)).toEqual(['patient.familyName'])
  })
})

describe('saving while a save is running', () => {
  it('saves again with the newest answers when save() is called during a save', async () => {
    const store = await openDraft()
    const id = store.intakeId
    fake.holdSaves = true
    store.setAnswer('patient.givenName', 'Maya')
    const first = store.save()
    await settle()
    expect(fake.heldSaves).toBe(1)

    store.setAnswer('patient.familyName', 'Okafor')
    const second = store.save()
    await settle()
    expect(fake.saves).toHaveLength(1)

    fake.releaseSave()
    await settle()
    expect(fake.saves).toHaveLength(2)
    expect(fake.saves[1]).toEqual({
      id,
      answers: { 'patient.givenName': 'Maya', 'patient.familyName': 'Okafor' }
    })

    fake.releaseSave()
    await vi.advanceTimersByTimeAsync(60_000)
    // Two saves hold everything; a third would be a loop, not a catch-up.
    expect(fake.heldSaves).toBe(0)
    expect(fake.saves).toHaveLength(2)
    expect(await first).toBe(true)
    expect(await second).toBe(true)
    expect(store.saveState).toBe('saved')
    expect(fake.drafts.get(id ?? '')?.answers).toEqual({
      'patient.givenName': 'Maya',
      'patient.familyName': 'Okafor'
    })
  })

  it('never shows saved while answers typed during the save are still unsaved', async () => {
    const store = await openDraft()
    fake.holdSaves = true
    store.setAnswer('patient.givenName', 'Maya')
    const saving = store.save()
    await settle()

    store.setAnswer('patient.familyName', 'Okafor')
    fake.releaseSave()
    await settle()

    expect(store.saveState).not.toBe('saved')
    expect(fake.saves).toHaveLength(2)
    expect(fake.saves[1]?.answers).toEqual({
      'patient.givenName': 'Maya',
      'patient.familyName': 'Okafor'
    })
    fake.releaseSave()
    expect(await saving).toBe(true)
    expect(store.saveState).toBe('saved')
  })

  it('catches up once when typing goes on while a slow save is running', async () => {
    const store = await openDraft()
    const id = store.intakeId
    fake.holdSaves = true
    store.setAnswer('patient.givenName', 'Maya')
    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS)
    expect(fake.heldSaves).toBe(1)

    // The second pause ends while the first save is still on its way.
    store.setAnswer('patient.familyName', 'Okafor')
    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS)
    expect(fake.saves).toHaveLength(1)

    fake.releaseSave()
    await settle()
    expect(fake.saves).toHaveLength(2)
    expect(fake.saves[1]?.answers).toEqual({
      'patient.givenName': 'Maya',
      'patient.familyName': 'Okafor'
    })

    fake.releaseSave()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.heldSaves).toBe(0)
    expect(fake.saves).toHaveLength(2)
    expect(store.saveState).toBe('saved')
    expect(fake.drafts.get(id ?? '')?.answers).toEqual({
      'patient.givenName': 'Maya',
      'patient.familyName': 'Okafor'
    })
  })
})

describe('a failing save', () => {
  it('keeps every answer, shows the error and retries after about 2 s until it succeeds', async () => {
    const store = await openDraft()
    const id = store.intakeId
    const diskFull: AppError = { code: 'storage', message: 'The disk is full.' }
    fake.saveFailure = diskFull
    store.setAnswer('patient.givenName', 'Maya')
    store.setAnswer('complaint.description', 'Sore')

    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS)

    expect(fake.saves).toHaveLength(1)
    expect(store.saveState).toBe('error')
    expect(store.saveError).toEqual(diskFull)
    expect(store.answers).toEqual({
      'patient.givenName': 'Maya',
      'complaint.description': 'Sore'
    })

    await vi.advanceTimersByTimeAsync(1_999)
    expect(fake.saves).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.saves).toHaveLength(2)
    expect(store.saveState).toBe('error')

    fake.saveFailure = null
    await vi.advanceTimersByTimeAsync(10_000)

    expect(fake.saves).toHaveLength(3)
    expect(store.saveState).toBe('saved')
    expect(store.saveError).toBeNull()
    expect(fake.drafts.get(id ?? '')?.answers).toEqual({
      'patient.givenName': 'Maya',
      'complaint.description': 'Sore'
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.saves).toHaveLength(3)
  })

  it('treats a rejected call as an internal error and retries it', async () => {
    const store = await openDraft()
    fake.saveRejection = new Error('IPC channel closed')
    store.setAnswer('patient.givenName', 'Maya')

    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS)

    expect(store.saveState).toBe('error')
    expect(store.saveError).toEqual({ code: 'internal', message: 'IPC channel closed' })
    fake.saveRejection = null
    await vi.advanceTimersByTimeAsync(2_000)
    expect(fake.saves).toHaveLength(2)
    expect(store.saveState).toBe('saved')
  })

  it('saves every valid answer and holds back an invalid one, shown at its field', async () => {
    const store = await openDraft()
    const id = store.intakeId
    store.setAnswer('patient.email', 'name@')
    store.setAnswer('rf.bladder', 'yes')
    await vi.advanceTimersByTimeAsync(0)

    // The emergency answer is saved; the half-typed e-mail is never sent.
    expect(fake.saves).toEqual([{ id, answers: { 'rf.bladder': 'yes' } }])
    expect(store.saveState).toBe('partial')
    expect(store.saveError).toBeNull()
    expect(store.withheld.map((issue) => issue.itemId)).toEqual(['patient.email'])
    expect(store.issues['patient.email']?.code).toBe('invalid-email')
    expect(store.answers).toEqual({ 'patient.email': 'name@', 'rf.bladder': 'yes' })

    // Finishing the address saves it too, and the status says saved.
    store.setAnswer('patient.email', 'name@example.org')
    await vi.advanceTimersByTimeAsync(storeModule.AUTOSAVE_DELAY_MS)
    expect(fake.saves.at(-1)?.answers).toEqual({
      'patient.email': 'name@example.org',
      'rf.bladder': 'yes'
    })
    expect(store.saveState).toBe('saved')
    expect(store.withheld).toEqual([])
    expect(store.issues).toEqual({})
  })
})

describe('evaluation', () => {
  it('raises an emergency as soon as bladder dysfunction is answered, before any save', async () => {
    const store = await openDraft({ 'rf.bladder': 'no' })
    expect(store.evaluation.concern).toBe('none')

    store.setAnswer('rf.bladder', 'yes')

    // Raised synchronously, before the save (which starts at once) has returned.
    expect(store.evaluation.concern).toBe('emergency')
    expect(store.evaluation.flags.map((flag) => flag.condition)).toContain('cauda-equina')
    expect(store.saveState).toBe('saving')

    store.setAnswer('rf.bladder', 'no')
    expect(store.evaluation.concern).toBe('none')
  })
})

describe('checkItems', () => {
  it('returns and shows only the problems of the items asked about', async () => {
    const store = await openDraft({ 'patient.familyName': 'Okafor' })

    const found = store.checkItems(['patient.givenName', 'patient.familyName'])

    expect(found.map((issue) => [issue.itemId, issue.code])).toEqual([
      ['patient.givenName', 'required']
    ])
    // Many other required items are missing too, but nobody asked about them yet.
    expect(Object.keys(store.issues)).toEqual(['patient.givenName'])
    expect(store.issues['patient.givenName']?.code).toBe('required')
  })

  it('clears the issues of asked items that are now fine and keeps the rest', async () => {
    const store = await openDraft()
    store.checkItems(['patient.givenName', 'pain.now'])
    expect(Object.keys(store.issues).sort()).toEqual(['pain.now', 'patient.givenName'])
    // Answers can change without setAnswer (a reload), so checking must clear on its own.
    store.$patch({ answers: { 'patient.givenName': 'Maya' } })

    const found = store.checkItems(['patient.givenName'])

    expect(found).toEqual([])
    expect(Object.keys(store.issues)).toEqual(['pain.now'])
  })
})

describe('submit', () => {
  it('saves the newest answers first, then submits, and locks the intake', async () => {
    const store = await openDraft(answersWith({ 'pain.now': undefined }))
    const id = store.intakeId
    store.setAnswer('pain.now', 2)

    const error = await store.submit()

    expect(error).toBeNull()
    expect(fake.log).toEqual(['createDraft', 'saveDraft', 'submitIntake'])
    expect(fake.saves[0]?.answers['pain.now']).toBe(2)
    expect(fake.submits).toEqual([{ id, answers: answersWith({ 'pain.now': 2 }) }])
    expect(store.status).toBe('submitted')
    expect(store.submittedRecord?.id).toBe(id)
    expect(store.submittedRecord?.submittedAt).not.toBeNull()
    expect(store.saveState).toBe('idle')
    const saves = fake.saves.length

    store.setAnswer('pain.now', 7)
    expect(store.saveState).toBe('idle')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.saves).toHaveLength(saves)
    expect(fake.drafts.get(id ?? '')?.answers['pain.now']).toBe(2)
  })

  it('keeps the answers and shows the issues per item when the answers are incomplete', async () => {
    const store = await openDraft(
      answersWith({ 'patient.givenName': undefined, 'consent.privacy': undefined })
    )
    const before = { ...store.answers }

    const error = await store.submit()

    expect(error?.code).toBe('invalid-argument')
    expect(fake.log).toEqual(['createDraft', 'saveDraft', 'submitIntake'])
    expect(store.status).toBe('draft')
    expect(store.answers).toEqual(before)
    expect(store.issues['patient.givenName']?.code).toBe('required')
    expect(store.issues['consent.privacy']).toBeDefined()
    expect(Object.keys(store.issues).sort()).toEqual(['consent.privacy', 'patient.givenName'])
  })

  it('does not submit when the answers could not be saved', async () => {
    const store = await openDraft(answersWith({}))
    const diskFull: AppError = { code: 'storage', message: 'The disk is full.' }
    fake.saveFailure = diskFull
    store.setAnswer('pain.now', 2)

    const error = await store.submit()

    expect(error).toEqual(diskFull)
    expect(fake.submits).toHaveLength(0)
    expect(store.status).toBe('draft')
    expect(store.answers['pain.now']).toBe(2)
  })
})

describe('a draft saved from another window meanwhile', () => {
  /** Opens a draft, then has another window save it: revision 2 is not this window's. */
  async function openAndSaveElsewhere(): Promise<{ store: IntakeDraftStore; id: string }> {
    const store = await openDraft({ 'patient.givenName': 'Maya' })
    const id = store.intakeId ?? ''
    fake.saveElsewhere(id, { 'patient.givenName': 'Maia', 'rf.bowel': 'no' })
    return { store, id }
  }

  it('keeps the answers on screen and writes nothing over the other version', async () => {
    const { store, id } = await openAndSaveElsewhere()

    store.setAnswer('rf.bladder', 'yes')
    await settle()

    expect(fake.savedRevisions).toEqual([1])
    expect(store.conflict).toEqual({ currentRevision: 2 })
    expect(store.saveError?.code).toBe('conflict')
    expect(store.answers).toEqual({ 'patient.givenName': 'Maya', 'rf.bladder': 'yes' })
    expect(fake.drafts.get(id)?.answers).toEqual({ 'patient.givenName': 'Maia', 'rf.bowel': 'no' })

    // Neither a retry nor a later answer writes over it while the choice is open.
    store.setAnswer('complaint.description', 'Sore')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.saves).toHaveLength(1)
    expect(fake.drafts.get(id)?.revision).toBe(2)
    expect(store.conflict).toEqual({ currentRevision: 2 })
  })

  it('does not submit while the choice is open', async () => {
    const { store, id } = await openAndSaveElsewhere()
    store.setAnswer('rf.bladder', 'yes')
    await settle()

    const error = await store.submit()

    expect(error?.code).toBe('conflict')
    expect(fake.submits).toHaveLength(0)
    expect(fake.drafts.get(id)?.status).toBe('draft')
  })

  it('keepMine saves every answer on screen over the other version, based on the revision reported', async () => {
    const { store, id } = await openAndSaveElsewhere()
    store.setAnswer('rf.bladder', 'yes')
    await settle()
    store.setAnswer('complaint.description', 'Sore')

    expect(await store.keepMine()).toBe(true)

    expect(fake.savedRevisions).toEqual([1, 2])
    expect(fake.drafts.get(id)?.answers).toEqual({
      'patient.givenName': 'Maya',
      'complaint.description': 'Sore',
      'rf.bladder': 'yes'
    })
    expect(store.conflict).toBeNull()
    expect(store.saveError).toBeNull()
    expect(store.saveState).toBe('saved')
    expect(store.revision).toBe(3)
    // Saving goes on as usual afterwards.
    store.setAnswer('rf.bowel', 'no')
    await settle()
    expect(fake.savedRevisions).toEqual([1, 2, 3])
    expect(fake.drafts.get(id)?.answers['rf.bowel']).toBe('no')
  })

  it('keepMine is refused again when a third version was saved after the conflict was reported', async () => {
    const { store, id } = await openAndSaveElsewhere()
    store.setAnswer('rf.bladder', 'yes')
    await settle()
    fake.saveElsewhere(id, { 'patient.givenName': 'Maya-Li' })

    expect(await store.keepMine()).toBe(false)

    expect(store.conflict).toEqual({ currentRevision: 3 })
    expect(fake.drafts.get(id)?.answers).toEqual({ 'patient.givenName': 'Maya-Li' })
    expect(store.answers).toEqual({ 'patient.givenName': 'Maya', 'rf.bladder': 'yes' })
  })

  it('openLatest shows the other version, drops the unsaved answers and saves on from there', async () => {
    const { store, id } = await openAndSaveElsewhere()
    store.setAnswer('rf.bladder', 'yes')
    await settle()
    // Typed during the conflict: its pending save must not fire into the version opened next.
    store.setAnswer('complaint.description', 'Sore')

    expect(await store.openLatest()).toBeNull()

    expect(store.answers).toEqual({ 'patient.givenName': 'Maia', 'rf.bowel': 'no' })
    expect(store.conflict).toBeNull()
    expect(store.saveError).toBeNull()
    expect(store.revision).toBe(2)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.saves).toHaveLength(1)

    store.setAnswer('rf.bladder', 'no')
    await settle()
    expect(fake.savedRevisions).toEqual([1, 2])
    expect(fake.drafts.get(id)?.answers).toEqual({
      'patient.givenName': 'Maia',
      'rf.bowel': 'no',
      'rf.bladder': 'no'
    })
    expect(store.saveState).toBe('saved')
  })
})

describe('reset', () => {
  it('clears everything and cancels the pending save', async () => {
    const store = await openDraft({ 'patient.givenName': 'Maya' })
    store.checkItems(['patient.familyName'])
    store.setAnswer('complaint.description', 'Sore')

    store.reset()

    expect(store.intakeId).toBeNull()
    expect(store.status).toBe('draft')
    expect(store.answers).toEqual({})
    expect(store.revision).toBe(0)
    expect(store.issues).toEqual({})
    expect(store.saveState).toBe('idle')
    expect(store.saveError).toBeNull()
    expect(store.submittedRecord).toBeNull()
    // The next intake opened within the pause must not receive the old one's save.
    expect(await store.create('staff')).toBeNull()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.saves).toHaveLength(0)
    expect(store.saveState).toBe('idle')
  })
})
