/**
 * The intake being filled in. Answers live here and are written to the
 * database at every step change and shortly after typing pauses; a save that
 * fails keeps every answer on screen and retries. The evaluation runs on
 * every change, so an emergency answer raises the alert at once.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { AUTOSAVE_DELAY_MS } from '../form/autosave'
import {
  catalogueItem,
  evaluateAnswers,
  FORM_VERSION,
  todayIso,
  validateAnswers,
  type AnswerValue,
  type AppError,
  type EntryMode,
  type IntakeAnswers,
  type IntakeKind,
  type IntakeRecord,
  type IntakeStatus,
  type RecordDamage,
  type ValidationIssue
} from '../domain'

/**
 * `partial`: every valid answer is in the database, but some answers on screen
 * are not valid yet and were held back (each is shown at its question).
 */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'partial' | 'error'

export { AUTOSAVE_DELAY_MS }
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000]

export const useIntakeDraftStore = defineStore('intakeDraft', () => {
  const intakeId = ref<string | null>(null)
  const status = ref<IntakeStatus>('draft')
  const entryMode = ref<EntryMode>('staff')
  /** A first intake (the whole form) or a follow-up visit (the short form). */
  const kind = ref<IntakeKind>('initial')
  /**
   * Set when a save or submission was refused because the draft was saved
   * from another window or device since this one last saved it. Nothing is
   * saved over it until staff choose: open the latest version, or keep the
   * answers on this screen and save them over it.
   */
  const conflict = ref<{ readonly currentRevision: number } | null>(null)
  /** The form version the intake was started on: older drafts still lack the newer questions. */
  const formVersion = ref(FORM_VERSION)
  const answers = ref<Record<string, AnswerValue>>({})
  const revision = ref(0)
  const saveState = ref<SaveState>('idle')
  const saveError = ref<AppError | null>(null)
  const issues = ref<Record<string, ValidationIssue>>({})
  /** Answers kept on screen but not saved, because they are not valid yet. */
  const withheld = ref<readonly ValidationIssue[]>([])
  const submittedRecord = ref<IntakeRecord | null>(null)
  /**
   * What the main process found wrong with the stored record when it was
   * opened: only what could be read is on screen. It stays shown while the
   * draft is open, even after saves, so staff go on checking every answer.
   */
  const damage = ref<RecordDamage | null>(null)

  let timer: ReturnType<typeof setTimeout> | null = null
  let retries = 0
  let inFlight: Promise<boolean> | null = null
  let dirtyWhileSaving = false

  const evaluation = computed(() =>
    evaluateAnswers(answers.value, { asOf: todayIso(new Date()), kind: kind.value })
  )

  function adopt(record: IntakeRecord): void {
    intakeId.value = record.id
    status.value = record.status
    kind.value = record.kind
    conflict.value = null
    formVersion.value = record.formVersion
    answers.value = { ...record.answers }
    revision.value = record.revision
    issues.value = {}
    withheld.value = []
    saveError.value = null
    saveState.value = 'idle'
    submittedRecord.value = record.status === 'submitted' ? record : null
    damage.value = record.damage ?? null
  }

  async function create(mode: EntryMode, initial: IntakeAnswers = {}): Promise<AppError | null> {
    const result = await api.createDraft({ answers: initial, entryMode: mode })
    if (!result.ok) return result.error
    entryMode.value = mode
    adopt(result.value)
    return null
  }

  /** Starts the short follow-up form for a returning patient staff confirmed. */
  async function startFollowUp(patientId: string, mode: EntryMode): Promise<AppError | null> {
    const result = await api.startFollowUp({ patientId, entryMode: mode })
    if (!result.ok) return result.error
    entryMode.value = mode
    adopt(result.value)
    return null
  }

  /**
   * After a conflict: drops the answers on this screen and shows the version
   * saved elsewhere (staff chose it, having seen both).
   */
  async function openLatest(): Promise<AppError | null> {
    if (!intakeId.value) return null
    const result = await api.getIntake({ id: intakeId.value })
    if (!result.ok) return result.error
    clearTimer()
    adopt(result.value)
    return null
  }

  /**
   * After a conflict: saves the answers on this screen over the version saved
   * elsewhere, because staff said so. Based on the revision the conflict
   * reported, so a third change made meanwhile is again a conflict.
   */
  async function keepMine(): Promise<boolean> {
    if (conflict.value === null) return true
    revision.value = conflict.value.currentRevision
    conflict.value = null
    saveError.value = null
    return save()
  }

  async function load(id: string): Promise<AppError | null> {
    if (intakeId.value === id && saveState.value !== 'idle') return null
    const result = await api.getIntake({ id })
    if (!result.ok) return result.error
    adopt(result.value)
    return null
  }

  async function refreshFromDatabase(id: string): Promise<void> {
    const result = await api.getIntake({ id })
    if (result.ok && result.value.status !== 'draft' && intakeId.value === id) {
      adopt(result.value)
    }
  }

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function schedule(delay: number): void {
    clearTimer()
    timer = setTimeout(() => void save(), delay)
  }

  /**
   * Sets or clears (with `undefined`) one answer and saves it: typed text after
   * a pause, anything tapped at once, so an emergency answer is in the database
   * before the next tap, a reload or a closed lid.
   */
  function setAnswer(itemId: string, value: AnswerValue | undefined): void {
    const next = { ...answers.value }
    const empty = value === undefined || (typeof value === 'string' && value.trim() === '')
    if (empty) delete next[itemId]
    else next[itemId] = value
    answers.value = next
    if (issues.value[itemId]) {
      const { [itemId]: _fixed, ...rest } = issues.value
      issues.value = rest
    }
    if (status.value !== 'draft') return
    // Held until staff choose what to do about the version saved elsewhere.
    if (conflict.value !== null) {
      saveState.value = 'error'
      return
    }
    saveState.value = 'pending'
    if (inFlight) dirtyWhileSaving = true
    if (catalogueItem(itemId)?.type === 'text') schedule(AUTOSAVE_DELAY_MS)
    else void save()
  }

  /**
   * What a draft save sends: every answer that is valid now. One that is not
   * (a half-typed e-mail, a date of birth in the future) stays on screen with
   * its reason and is never sent, so it cannot hold back the others.
   */
  function savable(): IntakeAnswers {
    const checked = validateAnswers(answers.value, {
      mode: 'draft',
      asOf: todayIso(new Date()),
      kind: kind.value
    })
    withheld.value = checked.ok ? [] : checked.issues
    if (!checked.ok) {
      const next = { ...issues.value }
      for (const issue of checked.issues) next[issue.itemId] = issue
      issues.value = next
    }
    return checked.ok ? checked.answers : checked.validAnswers
  }

  /**
   * Writes the answers now. Resolves true when the database holds every valid
   * answer on screen (state `saved`, or `partial` when some were held back).
   */
  async function save(): Promise<boolean> {
    clearTimer()
    if (!intakeId.value || status.value !== 'draft') return true
    // Nothing is written over a version saved elsewhere until staff choose.
    if (conflict.value !== null) return false
    if (inFlight) {
      // The caller that started the running save writes again once it ends
      // (it sees dirtyWhileSaving), so wait for that chain instead of starting
      // one more: re-saving here as well would set the flag anew every round.
      dirtyWhileSaving = true
      while (inFlight) await inFlight
      return saveState.value === 'saved' || saveState.value === 'partial'
    }
    const id = intakeId.value
    saveState.value = 'saving'
    dirtyWhileSaving = false
    inFlight = api.saveDraft({ id, revision: revision.value, answers: savable() }).then(
      (result) => {
        if (result.ok) {
          revision.value = result.value.revision
          saveError.value = null
          retries = 0
          saveState.value = dirtyWhileSaving
            ? 'pending'
            : withheld.value.length > 0
              ? 'partial'
              : 'saved'
          return true
        }
        return failed(result.error)
      },
      (error: unknown) =>
        failed({
          code: 'internal',
          message: error instanceof Error ? error.message : String(error)
        })
    )
    const ok = await inFlight
    inFlight = null
    if (ok && dirtyWhileSaving) return save()
    return ok
  }

  /**
   * Makes sure the database holds what is on screen: waits for a running save
   * and writes only if something is still unsaved. Before submitting, and
   * before the window closes.
   */
  async function flush(): Promise<boolean> {
    while (inFlight) await inFlight
    if (saveState.value === 'saved' || saveState.value === 'partial') return true
    return save()
  }

  function failed(error: AppError): false {
    saveError.value = error
    saveState.value = 'error'
    // Saved elsewhere since this window's last save: hold everything and let staff choose.
    if (error.code === 'conflict' && error.currentRevision !== undefined) {
      conflict.value = { currentRevision: error.currentRevision }
    } else if (error.code === 'conflict' && intakeId.value) {
      // Submitted elsewhere (another window, a stale tab): show what was kept, read-only.
      void refreshFromDatabase(intakeId.value)
    }
    if (error.code === 'invalid-argument' && error.issues) applyIssues(error.issues)
    // Keep trying in the background: a full disk or a locked file may clear.
    const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)] ?? 30_000
    retries += 1
    if (
      error.code !== 'invalid-argument' &&
      error.code !== 'forbidden' &&
      error.code !== 'conflict'
    )
      schedule(delay)
    return false
  }

  function applyIssues(list: readonly ValidationIssue[]): void {
    const next: Record<string, ValidationIssue> = {}
    for (const issue of list) if (!next[issue.itemId]) next[issue.itemId] = issue
    issues.value = next
  }

  /** Checks the given items as submission would; shows and returns their problems. */
  function checkItems(itemIds: readonly string[]): ValidationIssue[] {
    const result = validateAnswers(answers.value, {
      mode: 'submit',
      asOf: todayIso(new Date()),
      kind: kind.value
    })
    const wanted = new Set(itemIds)
    const found = result.ok ? [] : result.issues.filter((issue) => wanted.has(issue.itemId))
    const next = { ...issues.value }
    for (const id of itemIds) delete next[id]
    for (const issue of found) if (!next[issue.itemId]) next[issue.itemId] = issue
    issues.value = next
    return found
  }

  async function submit(): Promise<AppError | null> {
    if (!intakeId.value) return { code: 'not-found', message: 'No intake is open.' }
    const saved = await flush()
    if (!saved && saveError.value) return saveError.value
    if (conflict.value !== null) return saveError.value ?? { code: 'conflict', message: '' }
    const result = await api.submitIntake({
      id: intakeId.value,
      revision: revision.value,
      answers: answers.value
    })
    if (!result.ok) {
      if (result.error.issues) applyIssues(result.error.issues)
      if (result.error.code === 'conflict' && result.error.currentRevision !== undefined) {
        conflict.value = { currentRevision: result.error.currentRevision }
        saveError.value = result.error
        saveState.value = 'error'
      }
      return result.error
    }
    adopt(result.value)
    return null
  }

  function reset(): void {
    clearTimer()
    intakeId.value = null
    status.value = 'draft'
    kind.value = 'initial'
    conflict.value = null
    formVersion.value = FORM_VERSION
    answers.value = {}
    revision.value = 0
    issues.value = {}
    withheld.value = []
    saveError.value = null
    saveState.value = 'idle'
    submittedRecord.value = null
    damage.value = null
  }

  return {
    intakeId,
    status,
    entryMode,
    kind,
    conflict,
    formVersion,
    answers,
    revision,
    saveState,
    saveError,
    issues,
    withheld,
    submittedRecord,
    damage,
    evaluation,
    create,
    startFollowUp,
    openLatest,
    keepMine,
    load,
    setAnswer,
    save,
    flush,
    checkItems,
    submit,
    reset
  }
})
