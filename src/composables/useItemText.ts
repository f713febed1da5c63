/**
 * Patient-facing wording of an item and its options. STarT Back items are
 * always shown in their official English wording: a validated instrument is
 * never paraphrased or machine-translated.
 */
import { useI18n } from 'vue-i18n'
import { START_BACK_WORDING, type CatalogueItem } from '../domain'

const START_BACK_ITEMS: Readonly<Record<string, string>> = START_BACK_WORDING.items
const START_BACK_CODES: Readonly<Record<string, string>> = START_BACK_WORDING.codes

export function useItemText() {
  const { t } = useI18n()

  function label(item: CatalogueItem): string {
    if (item.section === 'startBack') return START_BACK_ITEMS[item.id] ?? item.label
    return t(`${item.i18nKey}.label`)
  }

  function option(item: CatalogueItem, code: string): string {
    if (item.section === 'startBack') return START_BACK_CODES[code] ?? code
    if (item.id === 'pain.regions') return t(`bodyMap.regions.${code}`)
    return t(`${item.i18nKey}.codes.${code}`)
  }

  return { label, option }
}
