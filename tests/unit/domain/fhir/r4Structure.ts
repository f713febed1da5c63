/**
 * A structural check of the FHIR R4 resources the export writes, on the
 * parsed JSON (what a receiver gets), not on the TypeScript objects: required
 * elements and their value sets per R4, the invariants that apply to them
 * (ext-1, que-1, que-10 style rules, obs-6, bdl-7), value formats, and that
 * every reference resolves to an entry of the same bundle. It is no full
 * profile validator (none runs offline here); it is what the export must never
 * get wrong, checked on every golden case.
 */

type Json = Record<string, unknown>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const ABSOLUTE_URI = /^(https?:\/\/[^\s]+|urn:(uuid|oid):[^\s]+)$/
const CODE = /^[^\s]+( [^\s]+)*$/

const BUNDLE_TYPES = [
  'document',
  'message',
  'transaction',
  'transaction-response',
  'batch',
  'batch-response',
  'history',
  'searchset',
  'collection'
]
const ITEM_TYPES = [
  'group',
  'display',
  'question',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity'
]
const PUBLICATION_STATUS = ['draft', 'active', 'retired', 'unknown']
const QR_STATUS = ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']
const OBSERVATION_STATUS = [
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown'
]
const FLAG_STATUS = ['active', 'inactive', 'entered-in-error']
const GENDERS = ['male', 'female', 'other', 'unknown']

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** The `value[x]` keys of an element (valueString, valueCoding, ...). */
export function valueKeys(element: object): string[] {
  return Object.keys(element).filter((key) => /^value[A-Z]/.test(key))
}

/** Collects problems as readable lines, each with where it is. */
class Problems {
  readonly lines: string[] = []
  add(where: string, message: string): void {
    this.lines.push(`${where}: ${message}`)
  }
  check(condition: boolean, where: string, message: string): void {
    if (!condition) this.add(where, message)
  }
}

/** Walks every object in a JSON tree with its path. */
function walk(value: unknown, path: string, visit: (node: Json, path: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((child, index) => walk(child, `${path}[${index}]`, visit))
  } else if (isObject(value)) {
    visit(value, path)
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, visit)
  }
}

/** Checks that apply to every element of a resource, whatever its type. */
function checkElements(resource: Json, where: string, problems: Problems): void {
  walk(resource, where, (node, path) => {
    for (const [key, value] of Object.entries(node)) {
      // JSON has no undefined, and FHIR forbids null and empty arrays, objects or strings.
      problems.check(value !== null, path, `${key} is null`)
      problems.check(!(Array.isArray(value) && value.length === 0), path, `${key} is empty`)
      problems.check(value !== '', path, `${key} is an empty string`)
    }
    // An Extension (ext-1): a url, and either a value or nested extensions, never both.
    if (path.endsWith(']') && /\.(extension|modifierExtension)\[\d+\]$/.test(path)) {
      problems.check(typeof node['url'] === 'string', path, 'extension without url')
      const values = valueKeys(node).length
      const nested = array(node['extension']).length
      problems.check(
        (values === 1 && nested === 0) || (values === 0 && nested > 0),
        path,
        'extension must have one value or nested extensions (ext-1)'
      )
    }
    if ('system' in node && 'code' in node) {
      problems.check(
        typeof node['system'] === 'string' && ABSOLUTE_URI.test(node['system']),
        path,
        `coding system ${String(node['system'])} is not an absolute URI`
      )
      problems.check(
        typeof node['code'] === 'string' && CODE.test(node['code']),
        path,
        `code ${String(node['code'])} is not a FHIR code`
      )
    }
    for (const key of ['valueDate', 'birthDate']) {
      if (key in node) {
        problems.check(DATE.test(String(node[key])), path, `${key} ${String(node[key])}`)
      }
    }
    for (const key of ['effectiveDateTime', 'authored', 'timestamp', 'start', 'end']) {
      if (key in node) {
        problems.check(DATE_TIME.test(String(node[key])), path, `${key} ${String(node[key])}`)
      }
    }
    if ('valueInteger' in node) {
      problems.check(Number.isInteger(node['valueInteger']), path, 'valueInteger not an integer')
    }
  })
  const text = resource['text']
  if (isObject(text)) {
    problems.check(typeof text['status'] === 'string', where, 'narrative without status')
    problems.check(
      typeof text['div'] === 'string' &&
        text['div'].startsWith('<div xmlns="http://www.w3.org/1999/xhtml">') &&
        text['div'].endsWith('</div>'),
      where,
      'narrative div is not an XHTML div'
    )
  }
}

function checkQuestionnaireItems(
  items: unknown,
  where: string,
  linkIds: Set<string>,
  problems: Problems
): void {
  for (const [index, item] of array(items).entries()) {
    const path = `${where}.item[${index}]`
    if (!isObject(item)) {
      problems.add(path, 'not an object')
      continue
    }
    const linkId = item['linkId']
    problems.check(typeof linkId === 'string', path, 'item without linkId')
    if (typeof linkId === 'string') {
      problems.check(!linkIds.has(linkId), path, `linkId ${linkId} is not unique`)
      linkIds.add(linkId)
    }
    const type = item['type']
    problems.check(ITEM_TYPES.includes(String(type)), path, `item type ${String(type)}`)
    if (type === 'group') {
      // que-1: a group has nested items.
      problems.check(array(item['item']).length > 0, path, 'group without items (que-1)')
      problems.check(!('answerOption' in item), path, 'a group cannot have answer options')
      checkQuestionnaireItems(item['item'], path, linkIds, problems)
    } else {
      problems.check(!('item' in item), path, 'a question here has no nested items')
      if (type === 'choice') {
        const options = array(item['answerOption'])
        problems.check(options.length > 0, path, 'choice item without answer options')
        for (const option of options) {
          problems.check(
            isObject(option) && valueKeys(option).length === 1,
            path,
            'answer option must have exactly one value'
          )
        }
      } else {
        problems.check(!('answerOption' in item), path, 'answer options on a non-choice item')
      }
      if ('maxLength' in item) {
        problems.check(
          ['string', 'text', 'url', 'integer', 'decimal', 'open-choice'].includes(String(type)),
          path,
          'maxLength on a non-simple item (que-10)'
        )
      }
    }
  }
}

function checkResponseItems(items: unknown, where: string, problems: Problems): void {
  for (const [index, item] of array(items).entries()) {
    const path = `${where}.item[${index}]`
    if (!isObject(item)) {
      problems.add(path, 'not an object')
      continue
    }
    problems.check(typeof item['linkId'] === 'string', path, 'item without linkId')
    // qrs-1: nested items sit under the item or under an answer, never both.
    problems.check(
      !('answer' in item && 'item' in item),
      path,
      'item with both answers and nested items (qrs-1)'
    )
    problems.check('answer' in item || 'item' in item, path, 'item with no answer and no items')
    for (const answer of array(item['answer'])) {
      problems.check(
        isObject(answer) && valueKeys(answer).length === 1,
        path,
        'answer must have exactly one value'
      )
    }
    checkResponseItems(item['item'], path, problems)
  }
}

function checkCodeableConcept(value: unknown, where: string, problems: Problems): void {
  problems.check(
    isObject(value) && (array(value['coding']).length > 0 || typeof value['text'] === 'string'),
    where,
    'CodeableConcept without coding or text'
  )
}

function checkResource(resource: Json, where: string, problems: Problems): void {
  checkElements(resource, where, problems)
  switch (resource['resourceType']) {
    case 'Questionnaire':
      problems.check(
        PUBLICATION_STATUS.includes(String(resource['status'])),
        where,
        `status ${String(resource['status'])}`
      )
      checkQuestionnaireItems(resource['item'], where, new Set(), problems)
      break
    case 'QuestionnaireResponse':
      problems.check(
        QR_STATUS.includes(String(resource['status'])),
        where,
        `status ${String(resource['status'])}`
      )
      checkResponseItems(resource['item'], where, problems)
      break
    case 'Observation': {
      problems.check(
        OBSERVATION_STATUS.includes(String(resource['status'])),
        where,
        `status ${String(resource['status'])}`
      )
      checkCodeableConcept(resource['code'], `${where}.code`, problems)
      const values = valueKeys(resource).length
      problems.check(values <= 1, where, 'more than one value[x]')
      // obs-6: dataAbsentReason only when there is no value.
      problems.check(
        !(values > 0 && 'dataAbsentReason' in resource),
        where,
        'value and dataAbsentReason (obs-6)'
      )
      break
    }
    case 'Flag':
      problems.check(
        FLAG_STATUS.includes(String(resource['status'])),
        where,
        `status ${String(resource['status'])}`
      )
      checkCodeableConcept(resource['code'], `${where}.code`, problems)
      problems.check(isObject(resource['subject']), where, 'Flag without subject')
      break
    case 'Patient':
      if ('gender' in resource) {
        problems.check(
          GENDERS.includes(String(resource['gender'])),
          where,
          `gender ${String(resource['gender'])}`
        )
      }
      break
    default:
      problems.add(where, `unexpected resource type ${String(resource['resourceType'])}`)
  }
}

/**
 * Every structural problem of a parsed bundle, as readable lines; empty when
 * the bundle is sound.
 */
export function r4BundleProblems(bundle: unknown): string[] {
  const problems = new Problems()
  if (!isObject(bundle) || bundle['resourceType'] !== 'Bundle') return ['not a Bundle']
  problems.check(BUNDLE_TYPES.includes(String(bundle['type'])), 'Bundle', 'bundle type')
  checkElements({ ...bundle, entry: undefined }, 'Bundle', problems)
  const fullUrls = new Set<string>()
  const entries = array(bundle['entry'])
  for (const [index, entry] of entries.entries()) {
    const where = `Bundle.entry[${index}]`
    if (!isObject(entry) || !isObject(entry['resource'])) {
      problems.add(where, 'entry without resource')
      continue
    }
    const fullUrl = String(entry['fullUrl'])
    const resource = entry['resource']
    problems.check(/^urn:uuid:/.test(fullUrl), where, `fullUrl ${fullUrl} is not a urn:uuid`)
    problems.check(UUID.test(fullUrl.slice('urn:uuid:'.length)), where, 'fullUrl UUID')
    // bdl-7 style: one entry per full URL, and the id is the one in the URL.
    problems.check(!fullUrls.has(fullUrl), where, `duplicate fullUrl ${fullUrl}`)
    fullUrls.add(fullUrl)
    problems.check(
      `urn:uuid:${String(resource['id'])}` === fullUrl,
      where,
      'resource id differs from its fullUrl'
    )
    checkResource(resource, `${where}(${String(resource['resourceType'])})`, problems)
  }
  for (const reference of referencesIn(bundle)) {
    problems.check(
      fullUrls.has(reference.reference),
      reference.path,
      `reference ${reference.reference} does not resolve in the bundle`
    )
  }
  return problems.lines
}

/** Every `Reference.reference` in a JSON tree, with where it is and its declared type. */
export function referencesIn(
  value: unknown
): Array<{ path: string; reference: string; type: string | undefined }> {
  const found: Array<{ path: string; reference: string; type: string | undefined }> = []
  walk(value, '', (node, path) => {
    if (typeof node['reference'] === 'string') {
      found.push({
        path,
        reference: node['reference'],
        type: typeof node['type'] === 'string' ? node['type'] : undefined
      })
    }
  })
  return found
}
