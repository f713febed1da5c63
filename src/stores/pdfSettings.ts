/** The PDF summary's settings (paper size, contact details), as Settings edits them. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { DEFAULT_PDF_SETTINGS, type AppError, type PdfSettings } from '../domain'

export const usePdfSettingsStore = defineStore('pdfSettings', () => {
  const settings = ref<PdfSettings>(DEFAULT_PDF_SETTINGS)
  const loaded = ref(false)

  /** Reads the stored settings; returns the error when they could not be read. */
  async function load(): Promise<AppError | null> {
    const result = await api.getPdfSettings({})
    if (!result.ok) return result.error
    settings.value = result.value
    loaded.value = true
    return null
  }

  /** Stores new settings; on failure keeps the old ones and returns the error. */
  async function save(next: PdfSettings): Promise<AppError | null> {
    const result = await api.setPdfSettings({
      pageSize: next.pageSize,
      includeContactDetails: next.includeContactDetails
    })
    if (!result.ok) return result.error
    settings.value = result.value
    return null
  }

  return { settings, loaded, load, save }
})
