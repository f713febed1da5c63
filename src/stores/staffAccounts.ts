/** Staff accounts as administrators manage them. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import type { AppError, StaffMember, StaffRole } from '../domain'
import { onForgetPatientData } from './session'

export const useStaffAccountsStore = defineStore('staffAccounts', () => {
  const members = ref<readonly StaffMember[]>([])
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  function replace(member: StaffMember): void {
    members.value = members.value.map((existing) => (existing.id === member.id ? member : existing))
  }

  async function load(): Promise<void> {
    loading.value = true
    const result = await api.listStaff({})
    loading.value = false
    if (result.ok) {
      members.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  async function add(name: string, role: StaffRole, secret: string): Promise<AppError | null> {
    const result = await api.addStaff({ name, role, secret })
    if (!result.ok) return result.error
    await load()
    return null
  }

  async function update(
    id: string,
    changes: { role?: StaffRole; active?: boolean }
  ): Promise<AppError | null> {
    const result = await api.updateStaff({ id, ...changes })
    if (!result.ok) return result.error
    replace(result.value)
    return null
  }

  async function resetSecret(id: string, secret: string): Promise<AppError | null> {
    const result = await api.resetStaffSecret({ id, secret })
    if (!result.ok) return result.error
    replace(result.value)
    return null
  }

  function clear(): void {
    members.value = []
    error.value = null
  }
  onForgetPatientData(clear)

  return { members, loading, error, load, add, update, resetSecret, clear }
})
