/**
 * Finding a returning patient for a follow-up visit: staff type the name and
 * date of birth, the main process lists the known patients that match, and
 * staff confirm one. Nothing here starts a visit: that waits for the
 * confirmation (the draft store's `startFollowUp`).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import type { AppError, ReturningPatient, ReturningPatientQuery, ValidationIssue } from '../domain'

export const useReturningPatientsStore = defineStore('returningPatients', () => {
  /** The matches of the last search; `null` before a search (or after it failed). */
  const matches = ref<readonly ReturningPatient[] | null>(null)
  /** What was searched for, so the result says whom it did not find. */
  const searchedFor = ref<ReturningPatientQuery | null>(null)
  /** What is wrong with what was typed, per item id (the intake's own identity items). */
  const issues = ref<Record<string, ValidationIssue>>({})
  const error = ref<AppError | null>(null)
  const searching = ref(false)

  async function search(query: ReturningPatientQuery): Promise<void> {
    searching.value = true
    error.value = null
    const result = await api.findReturningPatients(query)
    searching.value = false
    if (result.ok) {
      matches.value = result.value
      searchedFor.value = query
      issues.value = {}
      return
    }
    matches.value = null
    searchedFor.value = null
    const found: Record<string, ValidationIssue> = {}
    for (const issue of result.error.issues ?? []) found[issue.itemId] ??= issue
    issues.value = found
    if (Object.keys(found).length === 0) error.value = result.error
  }

  /** Drops one field's problem once it is being corrected. */
  function clearIssue(itemId: string): void {
    if (!issues.value[itemId]) return
    const { [itemId]: _fixed, ...rest } = issues.value
    issues.value = rest
  }

  function reset(): void {
    matches.value = null
    searchedFor.value = null
    issues.value = {}
    error.value = null
    searching.value = false
  }

  return { matches, searchedFor, issues, error, searching, search, clearIssue, reset }
})
