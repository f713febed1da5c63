/**
 * The intake service's rules, as one suite run against the `IntakeStore`
 * interface: every backend (the SQLite adapter today, a clinic server next)
 * runs exactly these tests. Nothing here looks below the interface.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import {
  FOLLOW_UP_ITEMS,
  FOLLOW_UP_IDENTITY_ITEMS,
  originalAnswers,
  type IntakeAnswers
} from '../../../../../src/domain'
import type { IntakeStore } from '../../../../../electron/main/services/intakes/intakeStore'
import {
  createIntakeService,
  type IntakeService
} from '../../../../../electron/main/services/intakes/intakeService'
import { completeAnswers, steppingClock } from '../../support/sampleAnswers'
import { rejection } from '../../support/rejection'

/** Opens a fresh, empty backend; `close` is called after each test. */
export type OpenBackend = () => { readonly store: IntakeStore; readonly close: () => void }

const CLINICIAN = { id: 'staff-clinician', name: 'Dr Ada Lovelace' }

/** A follow-up's own answers: the short form, complete, nothing alarming. */
export function followUpAnswers(overrides: Partial<IntakeAnswers> = {}): IntakeAnswers {
  const whole = completeAnswers()
  const answers: Record<string, IntakeAnswers[string]> = {}
  for (const id of FOLLOW_UP_ITEMS) {
    const value = whole[id]
    if (value !== undefined && !FOLLOW_UP_IDENTITY_ITEMS.includes(id)) answers[id] = value
  }
  answers['followUp.change'] = 'better'
  for (const [id, value] of Object.entries(overrides)) {
    if (value === undefined) delete answers[id]
    else answers[id] = value
  }
  return answers
}

export function describeIntakeService(backend: string, open: OpenBackend): void {
  describe(`the intake service over ${backend}`, () => {
    let service: IntakeService

    beforeEach(() => {
      const { store, close } = open()
      service = createIntakeService(store, { now: steppingClock().now })
      return close
    })

    async function submitted(answers: IntakeAnswers = completeAnswers()): Promise<string> {
      const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
      await service.submit({ id: draft.id, revision: draft.revision, answers }, 'staff')
      return draft.id
    }

    describe('revisions: two windows never overwrite each other', () => {
      it('refuses a save based on an older revision, naming the current one, and keeps the first', async () => {
        const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
        const first = await service.saveDraft(
          { id: draft.id, revision: 1, answers: { 'pain.now': 4 } },
          'staff'
        )
        expect(first.revision).toBe(2)

        const second = await rejection(
          service.saveDraft({ id: draft.id, revision: 1, answers: { 'pain.now': 9 } }, 'patient')
        )
        expect(second.code).toBe('conflict')
        expect(second.currentRevision).toBe(2)
        expect(second.message).toMatch(/another window or device/)
        expect((await service.get(draft.id)).answers).toEqual({ 'pain.now': 4 })

        // Staff chose to keep the second window's answers: saved on the revision it was told.
        const kept = await service.saveDraft(
          { id: draft.id, revision: second.currentRevision ?? 0, answers: { 'pain.now': 9 } },
          'staff'
        )
        expect(kept.revision).toBe(3)
        expect((await service.get(draft.id)).answers).toEqual({ 'pain.now': 9 })
      })

      it('refuses a submission based on an older revision; the draft stays a draft', async () => {
        const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
        await service.saveDraft({ id: draft.id, revision: 1, answers: { 'pain.now': 4 } }, 'staff')
        const refused = await rejection(
          service.submit({ id: draft.id, revision: 1, answers: completeAnswers() }, 'staff')
        )
        expect(refused.code).toBe('conflict')
        expect(refused.currentRevision).toBe(2)
        const after = await service.get(draft.id)
        expect(after.status).toBe('draft')
        expect(after.patientId).toBeNull()

        const record = await service.submit(
          { id: draft.id, revision: 2, answers: completeAnswers() },
          'staff'
        )
        expect(record).toMatchObject({ status: 'submitted', revision: 3 })
      })

      it('says "already submitted", without a revision to catch up to, once the intake is submitted', async () => {
        const id = await submitted()
        const refused = await rejection(
          service.saveDraft({ id, revision: 2, answers: {} }, 'staff')
        )
        expect(refused.code).toBe('conflict')
        expect(refused.message).toMatch(/already been submitted/)
        expect(refused.currentRevision).toBeUndefined()
      })

      it('reports a save of an intake that does not exist as not-found', async () => {
        const missing = await rejection(
          service.saveDraft({ id: 'no-such-intake', revision: 1, answers: {} }, 'staff')
        )
        expect(missing.code).toBe('not-found')
      })
    })

    describe('patients', () => {
      it('links intakes to one patient whatever the capitalisation, and keeps accents apart', async () => {
        const first = await service.get(await submitted())
        const shouting = await service.get(
          await submitted(
            completeAnswers({ 'patient.givenName': 'MAYA', 'patient.familyName': 'OKAFOR' })
          )
        )
        expect(shouting.patientId).toBe(first.patientId)
        const accented = await service.get(
          await submitted(completeAnswers({ 'patient.familyName': 'Okafór' }))
        )
        expect(accented.patientId).not.toBe(first.patientId)
      })
    })

    describe('amendments', () => {
      it('corrects one answer with a reason, keeping the original and both evaluations', async () => {
        const id = await submitted(completeAnswers({ 'pain.now': 7 }))
        const before = await service.get(id)
        const amended = await service.amend(
          {
            id,
            revision: before.revision,
            changes: [{ itemId: 'pain.now', value: 3 }],
            reason: '  Patient misread the scale.  '
          },
          CLINICIAN
        )
        expect(amended.answers['pain.now']).toBe(3)
        expect(amended.evaluation.scores.painNow).toBe(3)
        expect(amended.revision).toBe(before.revision + 1)
        expect(amended.submittedAt).toBe(before.submittedAt)
        expect(amended.amendments).toHaveLength(1)
        expect(amended.amendments[0]).toMatchObject({
          version: 1,
          reason: 'Patient misread the scale.',
          changes: [{ itemId: 'pain.now', before: 7, after: 3 }],
          amendedBy: { staffId: CLINICIAN.id, name: CLINICIAN.name }
        })
        expect(amended.amendments[0]?.evaluationBefore.scores.painNow).toBe(7)
        expect(amended.amendments[0]?.evaluationAfter.scores.painNow).toBe(3)
        // The answers first submitted can always be told again.
        expect(originalAnswers(amended.answers, amended.amendments)).toEqual(before.answers)
        // And the record reads the same afterwards.
        expect(await service.get(id)).toEqual(amended)
      })

      it('works the evaluation out again: a corrected red-flag answer changes the concern', async () => {
        const id = await submitted()
        const amended = await service.amend(
          {
            id,
            revision: 2,
            changes: [{ itemId: 'rf.bladder', value: 'yes' }],
            reason: 'Told the clinician at the desk.'
          },
          CLINICIAN
        )
        expect(amended.evaluation.concern).toBe('emergency')
        expect(amended.amendments[0]).toMatchObject({
          concernBefore: 'none',
          concernAfter: 'emergency'
        })
        const listed = await service.list({})
        expect(listed.items.find((item) => item.id === id)?.concern).toBe('emergency')
      })

      it('numbers amendments in order and undoes them all back to the original', async () => {
        const id = await submitted()
        const original = (await service.get(id)).answers
        await service.amend(
          { id, revision: 2, changes: [{ itemId: 'pain.now', value: 8 }], reason: 'One' },
          CLINICIAN
        )
        const second = await service.amend(
          {
            id,
            revision: 3,
            changes: [
              { itemId: 'pain.now', value: 5 },
              { itemId: 'goals.text', value: null },
              { itemId: 'history.medications', value: '  Ibuprofen 400 mg  ' }
            ],
            reason: 'Two'
          },
          CLINICIAN
        )
        expect(second.amendments.map((amendment) => amendment.version)).toEqual([1, 2])
        // The change records the answer as stored, trimmed.
        expect(second.amendments[1]?.changes).toContainEqual({
          itemId: 'history.medications',
          before: null,
          after: 'Ibuprofen 400 mg'
        })
        expect(second.answers['goals.text']).toBeUndefined()
        expect(originalAnswers(second.answers, second.amendments)).toEqual(original)
      })

      it('refuses an amendment based on an older revision, changing nothing', async () => {
        const id = await submitted()
        await service.amend(
          { id, revision: 2, changes: [{ itemId: 'pain.now', value: 8 }], reason: 'First' },
          CLINICIAN
        )
        const refused = await rejection(
          service.amend(
            { id, revision: 2, changes: [{ itemId: 'pain.now', value: 1 }], reason: 'Second' },
            CLINICIAN
          )
        )
        expect(refused.code).toBe('conflict')
        expect(refused.currentRevision).toBe(3)
        const record = await service.get(id)
        expect(record.answers['pain.now']).toBe(8)
        expect(record.amendments).toHaveLength(1)
      })

      it('needs a reason, a real change and a record that stays complete', async () => {
        const id = await submitted()
        const noReason = await rejection(
          service.amend(
            { id, revision: 2, changes: [{ itemId: 'pain.now', value: 1 }], reason: '   ' },
            CLINICIAN
          )
        )
        expect(noReason.code).toBe('invalid-argument')
        expect(noReason.issues?.[0]?.itemId).toBe('reason')

        const same = (await service.get(id)).answers['pain.now'] ?? null
        const nothing = await rejection(
          service.amend(
            { id, revision: 2, changes: [{ itemId: 'pain.now', value: same }], reason: 'Why' },
            CLINICIAN
          )
        )
        expect(nothing.code).toBe('invalid-argument')
        expect(nothing.message).toMatch(/Nothing would change/)
        // Spacing is not a change: answers are compared as they would be stored.
        const goal = String((await service.get(id)).answers['goals.text'])
        const spaced = await rejection(
          service.amend(
            {
              id,
              revision: 2,
              changes: [{ itemId: 'goals.text', value: `  ${goal} ` }],
              reason: 'Why'
            },
            CLINICIAN
          )
        )
        expect(spaced.message).toMatch(/Nothing would change/)

        const incomplete = await rejection(
          service.amend(
            { id, revision: 2, changes: [{ itemId: 'pain.now', value: null }], reason: 'Why' },
            CLINICIAN
          )
        )
        expect(incomplete.code).toBe('invalid-argument')
        expect(incomplete.issues?.map((issue) => issue.itemId)).toContain('pain.now')

        const unknown = await rejection(
          service.amend(
            {
              id,
              revision: 2,
              changes: [{ itemId: 'patient.nickname', value: 'Mo' }],
              reason: 'Why'
            },
            CLINICIAN
          )
        )
        expect(unknown.code).toBe('invalid-argument')
        const record = await service.get(id)
        expect(record.revision).toBe(2)
        expect(record.amendments).toEqual([])
      })

      it('amends only a submitted intake: a draft is saved, not amended', async () => {
        const draft = await service.createDraft({ answers: {}, entryMode: 'staff' }, 'staff')
        const refused = await rejection(
          service.amend(
            { id: draft.id, revision: 1, changes: [{ itemId: 'pain.now', value: 2 }], reason: 'x' },
            CLINICIAN
          )
        )
        expect(refused.code).toBe('conflict')
      })

      it('moves the record to the right patient when the name is corrected', async () => {
        const maya = await service.get(await submitted())
        const typo = await service.get(
          await submitted(completeAnswers({ 'patient.familyName': 'Okafro' }))
        )
        expect(typo.patientId).not.toBe(maya.patientId)
        const fixed = await service.amend(
          {
            id: typo.id,
            revision: typo.revision,
            changes: [{ itemId: 'patient.familyName', value: 'Okafor' }],
            reason: 'Family name mistyped at the desk.'
          },
          CLINICIAN
        )
        expect(fixed.patientId).toBe(maya.patientId)
      })
    })

    describe('follow-up visits', () => {
      it('finds a returning patient on name and date of birth, ignoring case and spaces only', async () => {
        const first = await service.get(await submitted())
        const found = await service.findReturningPatients({
          givenName: '  maya ',
          familyName: 'OKAFOR',
          dateOfBirth: String(first.answers['patient.dateOfBirth'])
        })
        expect(found).toEqual([
          expect.objectContaining({
            patientId: first.patientId,
            givenName: 'Maya',
            visitCount: 1,
            lastIntakeId: first.id,
            lastVisitAt: first.submittedAt
          })
        ])
        expect(
          await service.findReturningPatients({
            givenName: 'Maya',
            familyName: 'Okafor',
            dateOfBirth: '1990-01-02'
          })
        ).toEqual([])
        expect(
          await service.findReturningPatients({
            givenName: 'Maya',
            familyName: 'Okafór',
            dateOfBirth: String(first.answers['patient.dateOfBirth'])
          })
        ).toEqual([])
      })

      it('refuses a search without a name or with a date that does not exist, field by field', async () => {
        const refused = await rejection(
          service.findReturningPatients({
            givenName: ' ',
            familyName: 'Okafor',
            dateOfBirth: '1990-02-30'
          })
        )
        expect(refused.code).toBe('invalid-argument')
        expect(refused.issues?.map((issue) => issue.itemId).sort()).toEqual([
          'patient.dateOfBirth',
          'patient.givenName'
        ])
      })

      it('starts the short form for the confirmed patient, with their identity from the record', async () => {
        const first = await service.get(await submitted())
        const patientId = first.patientId ?? ''
        const draft = await service.startFollowUp({ patientId, entryMode: 'patient' }, CLINICIAN)
        expect(draft).toMatchObject({
          status: 'draft',
          kind: 'follow-up',
          revision: 1,
          followUp: { patientId, previousIntakeId: first.id, confirmedBy: CLINICIAN },
          answers: {
            'patient.givenName': 'Maya',
            'patient.familyName': 'Okafor',
            'patient.dateOfBirth': first.answers['patient.dateOfBirth']
          }
        })
        // Only the follow-up's questions are asked, and they alone are required.
        expect(draft.evaluation.missingRequired).toContain('followUp.change')
        expect(draft.evaluation.missingRequired).not.toContain('consent.signature')

        const history = await rejection(
          service.saveDraft(
            { id: draft.id, revision: 1, answers: { 'history.smoking': 'never' } },
            'patient'
          )
        )
        expect(history.issues?.[0]).toMatchObject({
          itemId: 'history.smoking',
          code: 'not-in-form'
        })

        // The identity is the patient's own: a save cannot change it.
        await service.saveDraft(
          {
            id: draft.id,
            revision: 1,
            answers: { 'patient.givenName': 'Someone', 'pain.now': 2 }
          },
          'patient'
        )
        expect((await service.get(draft.id)).answers['patient.givenName']).toBe('Maya')
        // The front desk's list of unfinished intakes says which drafts are follow-ups.
        const unfinished = await service.listUnfinished()
        expect(unfinished.find((item) => item.id === draft.id)?.kind).toBe('follow-up')
      })

      it('submits a complete follow-up to the same patient, and the visits line up for the chart', async () => {
        const first = await service.get(await submitted(completeAnswers({ 'pain.now': 6 })))
        const patientId = first.patientId ?? ''
        const draft = await service.startFollowUp({ patientId, entryMode: 'staff' }, CLINICIAN)

        const incomplete = await rejection(
          service.submit(
            {
              id: draft.id,
              revision: 1,
              answers: followUpAnswers({ 'followUp.change': undefined })
            },
            'staff'
          )
        )
        expect(incomplete.code).toBe('invalid-argument')
        expect(incomplete.issues?.map((issue) => issue.itemId)).toEqual(['followUp.change'])

        const done = await service.submit(
          { id: draft.id, revision: 1, answers: followUpAnswers({ 'pain.now': 2 }) },
          'staff'
        )
        expect(done).toMatchObject({ status: 'submitted', kind: 'follow-up', patientId })
        expect(done.evaluation.missingRequired).toEqual([])
        expect(done.visits.map((visit) => [visit.kind, visit.painNow, visit.change])).toEqual([
          ['initial', 6, null],
          ['follow-up', 2, 'better']
        ])
        // The first intake shows the same visits.
        expect((await service.get(first.id)).visits).toEqual(done.visits)
        const found = await service.findReturningPatients({
          givenName: 'Maya',
          familyName: 'Okafor',
          dateOfBirth: String(first.answers['patient.dateOfBirth'])
        })
        expect(found[0]).toMatchObject({ visitCount: 2, lastIntakeId: done.id })
      })

      it('raises the emergency on a follow-up like on a first intake', async () => {
        const first = await service.get(await submitted())
        const draft = await service.startFollowUp(
          { patientId: first.patientId ?? '', entryMode: 'patient' },
          CLINICIAN
        )
        const saved = await service.saveDraft(
          { id: draft.id, revision: 1, answers: { 'rf.saddleNumbness': 'yes' } },
          'patient'
        )
        expect(saved.concern).toBe('emergency')
      })

      it('refuses a follow-up for a patient it does not know, and the follow-up question on a first intake', async () => {
        const unknown = await rejection(
          service.startFollowUp(
            { patientId: '00000000-0000-4000-8000-000000000000', entryMode: 'staff' },
            CLINICIAN
          )
        )
        expect(unknown.code).toBe('not-found')
        const refused = await rejection(
          service.createDraft(
            { answers: { 'followUp.change': 'better' }, entryMode: 'staff' },
            'staff'
          )
        )
        expect(refused.issues?.[0]).toMatchObject({
          itemId: 'followUp.change',
          code: 'not-in-form'
        })
      })

      it('discards a follow-up draft like any other', async () => {
        const first = await service.get(await submitted())
        const draft = await service.startFollowUp(
          { patientId: first.patientId ?? '', entryMode: 'staff' },
          CLINICIAN
        )
        await service.discardDraft(draft.id)
        expect((await rejection(service.get(draft.id))).code).toBe('not-found')
      })
    })
  })
}
