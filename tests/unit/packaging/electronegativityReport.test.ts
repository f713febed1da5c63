/**
 * The rules of the Electronegativity step: a finding not on the reviewed
 * allow-list fails, an allowance that matches nothing is stale (and fails),
 * a file the scanner could not parse fails, and the allow-list itself must
 * give a reason for every entry. The committed allow-list passes these rules.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  compareFindings,
  countResults,
  parseAllowList,
  toFinding,
  type Allowance,
  type Finding
} from '../../../scripts/electronegativityReport.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const REASON = 'Reviewed: the preload exposes only the contract methods.'

function finding(check: string, file: string, line = 1): Finding {
  return {
    check,
    file,
    line,
    severity: 'MEDIUM',
    confidence: 'FIRM',
    manualReview: false,
    description: `${check} fired`,
    sample: ''
  }
}

describe('parseAllowList', () => {
  it('accepts the committed allow-list', () => {
    const json: unknown = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'electronegativity-allow.json'), 'utf8')
    )
    const entries = parseAllowList(json)
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) expect(fs.existsSync(path.join(ROOT, entry.file))).toBe(true)
  })

  it.each([
    ['no list', {}, /"allowed" array/],
    [
      'a bad check id',
      { allowed: [{ check: 'preload', file: 'a.ts', reason: REASON }] },
      /check id/
    ],
    [
      'an absolute file',
      { allowed: [{ check: 'PRELOAD_JS_CHECK', file: '/etc/a.ts', reason: REASON }] },
      /relative/
    ],
    [
      'a Windows path',
      {
        allowed: [{ check: 'PRELOAD_JS_CHECK', file: 'electron\\main\\window.ts', reason: REASON }]
      },
      /forward slashes/
    ],
    [
      'no reason',
      { allowed: [{ check: 'PRELOAD_JS_CHECK', file: 'a.ts', reason: 'fine' }] },
      /why PRELOAD_JS_CHECK/
    ],
    [
      'an unknown field',
      { allowed: [{ check: 'PRELOAD_JS_CHECK', file: 'a.ts', reason: REASON, line: 3 }] },
      /unknown fields: line/
    ],
    [
      'a repeated entry',
      {
        allowed: [
          { check: 'PRELOAD_JS_CHECK', file: 'a.ts', reason: REASON },
          { check: 'PRELOAD_JS_CHECK', file: 'a.ts', reason: REASON }
        ]
      },
      /repeats/
    ]
  ])('refuses %s', (_name, json, message) => {
    expect(() => parseAllowList(json)).toThrow(message)
  })
})

describe('compareFindings and countResults', () => {
  const allowList: Allowance[] = [
    { check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', reason: REASON },
    { check: 'AUXCLICK_JS_CHECK', file: 'electron/main/window.ts', reason: REASON }
  ]

  it('passes every check when each finding is allowed', () => {
    const comparison = compareFindings(
      [
        finding('PRELOAD_JS_CHECK', 'electron/main/window.ts'),
        finding('AUXCLICK_JS_CHECK', 'electron/main/window.ts')
      ],
      allowList
    )
    expect(comparison.unexpected).toEqual([])
    expect(comparison.stale).toEqual([])
    expect(countResults({ checksRun: 41, comparison, unscanned: [] })).toEqual({
      passed: 41,
      failed: 0
    })
  })

  it('fails a finding the list does not cover, even for an allowed check in another file', () => {
    const comparison = compareFindings(
      [
        finding('PRELOAD_JS_CHECK', 'electron/main/window.ts'),
        finding('AUXCLICK_JS_CHECK', 'electron/main/window.ts'),
        finding('AUXCLICK_JS_CHECK', 'electron/main/otherWindow.ts'),
        finding('NODE_INTEGRATION_JS_CHECK', 'electron/main/window.ts', 30),
        finding('NODE_INTEGRATION_JS_CHECK', 'electron/main/window.ts', 40)
      ],
      allowList
    )
    expect(comparison.unexpected.map((f) => `${f.check} ${f.file}:${f.line}`)).toEqual([
      'AUXCLICK_JS_CHECK electron/main/otherWindow.ts:1',
      'NODE_INTEGRATION_JS_CHECK electron/main/window.ts:30',
      'NODE_INTEGRATION_JS_CHECK electron/main/window.ts:40'
    ])
    // Two checks failed (one test each), however many times they fired.
    expect(countResults({ checksRun: 41, comparison, unscanned: [] })).toEqual({
      passed: 39,
      failed: 2
    })
  })

  it('reports an allowance that matches nothing as stale, and fails it', () => {
    const comparison = compareFindings(
      [finding('PRELOAD_JS_CHECK', 'electron/main/window.ts')],
      allowList
    )
    expect(comparison.stale).toEqual([allowList[1]])
    expect(countResults({ checksRun: 41, comparison, unscanned: [] })).toEqual({
      passed: 41,
      failed: 1
    })
  })

  it('fails each file the scanner could not parse', () => {
    const comparison = compareFindings([], [])
    expect(
      countResults({
        checksRun: 41,
        comparison,
        unscanned: ['electron/main/a.ts: Unexpected token']
      })
    ).toEqual({ passed: 41, failed: 1 })
  })
})

describe('toFinding', () => {
  it("reduces the scanner's issue to what the report shows, with forward slashes", () => {
    expect(
      toFinding({
        id: 'PRELOAD_JS_CHECK',
        file: 'electron\\main\\window.ts',
        location: { line: 31, column: 6 },
        severity: { value: 2, name: 'MEDIUM' },
        confidence: { value: 1, name: 'FIRM' },
        manualReview: true,
        description: 'Review the use of preload scripts',
        sample: '  preload: options.preloadPath,  '
      })
    ).toEqual({
      check: 'PRELOAD_JS_CHECK',
      file: 'electron/main/window.ts',
      line: 31,
      severity: 'MEDIUM',
      confidence: 'FIRM',
      manualReview: true,
      description: 'Review the use of preload scripts',
      sample: 'preload: options.preloadPath,'
    })
  })
})
