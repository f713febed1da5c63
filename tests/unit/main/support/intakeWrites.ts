/**
 * Saves and submissions "at the latest revision": what a window does after
 * reading the intake again. For tests about something other than revision
 * conflicts (those call `saveDraft`/`submit` with an explicit revision).
 */
import type { IntakeAnswers, RedFlagActor } from '../../../../src/domain'
import type { IntakeService } from '../../../../electron/main/services/intakes/intakeService'

type Writer = Pick<IntakeService, 'get' | 'saveDraft' | 'submit'>

export async function saveAtLatest(
  service: Writer,
  input: { readonly id: string; readonly answers: IntakeAnswers },
  actor: RedFlagActor = 'staff'
): ReturnType<IntakeService['saveDraft']> {
  const { revision } = await service.get(input.id)
  return service.saveDraft({ ...input, revision }, actor)
}

export async function submitAtLatest(
  service: Writer,
  input: { readonly id: string; readonly answers: IntakeAnswers },
  actor: RedFlagActor = 'staff'
): ReturnType<IntakeService['submit']> {
  const { revision } = await service.get(input.id)
  return service.submit({ ...input, revision }, actor)
}
