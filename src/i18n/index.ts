/**
 * vue-i18n set up for the three patient languages. Staff screens stay in
 * English; the intake form switches to the patient's chosen language.
 */
import { createI18n } from 'vue-i18n'
import en from './en'
import staff from './staff'

export type Locale = 'en' | 'zh' | 'es'
export const LOCALES: readonly Locale[] = ['en', 'zh', 'es']

export type MessageSchema = typeof en

const english = { ...en, ...staff }
const messages: Record<string, MessageSchema> = { en: english }

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages,
  missingWarn: false,
  fallbackWarn: false
})

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: MessageSchema }>> = {
  zh: () => import('./zh'),
  es: () => import('./es')
}

/**
 * Loads a language's messages without switching to it (Settings shows each
 * language's default privacy notice); loaded once, on first use.
 */
export async function loadLocaleMessages(locale: Locale): Promise<void> {
  if (locale !== 'en' && !i18n.global.availableLocales.includes(locale)) {
    const messages = await loaders[locale]()
    i18n.global.setLocaleMessage(locale, messages.default)
  }
}

/** Switches the UI language, loading its messages on first use so the first screen stays small. */
export async function setLocale(locale: Locale): Promise<void> {
  await loadLocaleMessages(locale)
  i18n.global.locale.value = locale
  document.documentElement.lang = locale === 'zh' ? 'zh-Hans' : locale
}
