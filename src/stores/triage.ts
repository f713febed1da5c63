/**
 * Recording a triage decision from the record screen. The versions
 * themselves arrive with the record (`IntakeRecord.triage`); this store holds
 * what the screen needs while a decision is saved: whether a save is running,
 * and what became of the last one, for the intake it was about, so another
 * record's screen never shows it.
 *
 * The outcome names a patient's record and carries a clinician's notes back
 * into a message, so `clear()` forgets it on sign-out and before the device
 * is handed to a patient, and an answer arriving after that is dropped.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { onForgetPatientData } from './session'
import type { TriageInput, TriageVersion } from '../domain'

/** What the last save came to; the panel words it. */
export type TriageOutcome =
  | { readonly kind: 'saved' }
  /** Someone else decided first: the message says who and when; the record must be reloaded. */
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string }

export const useTriageStore = defineStore('triage', () => {
  /** The intake whose decision is being saved. */
  const savingFor = ref<string | null>(null)
  const outcome = ref<TriageOutcome | null>(null)
  /** The intake `outcome` is about. */
  const outcomeFor = ref<string | null>(null)
  /** Bumped by `clear()`, so a save answered after it is not put back on screen. */
  let generation = 0

  /**
   * Records a decision. Resolves to every version (oldest first) when it was
   * recorded, or null when it was refused (the outcome says why).
   */
  async function record(input: TriageInput): Promise<readonly TriageVersion[] | null> {
    const started = generation
    savingFor.value = input.intakeId
    outcome.value = null
    outcomeFor.value = input.intakeId
    const result = await api.recordTriage(input)
    if (started !== generation) return null
    savingFor.value = null
    if (result.ok) {
      outcome.value = { kind: 'saved' }
      return result.value
    }
    outcome.value = {
      kind: result.error.code === 'conflict' ? 'conflict' : 'refused',
      message: result.error.message
    }
    return null
  }

  /** Forgets the last outcome (a new form was opened). */
  function dismiss(): void {
    outcome.value = null
    outcomeFor.value = null
  }

  function clear(): void {
    generation += 1
    savingFor.value = null
    dismiss()
  }
  onForgetPatientData(clear)

  return { savingFor, outcome, outcomeFor, record, dismiss, clear }
})
