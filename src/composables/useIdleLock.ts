/**
 * The automatic lock: after the idle time with no key press, click, touch or
 * scroll, the app saves what is open and locks to the sign-in screen. A
 * warning with "Stay signed in" comes 30 seconds before. Activity is reported
 * to the main process at most once a minute, which locks a silent session on
 * its own a little after the idle time, whatever this screen does.
 *
 * Time is read from the clock rather than counted in ticks, so a computer
 * that slept through the idle time locks the moment it wakes.
 */
import { storeToRefs } from 'pinia'
import { computed, onBeforeUnmount, ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import { IDLE_WARNING_MS } from '../domain'
import { useSessionStore } from '../stores/session'

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'touchstart', 'wheel', 'input'] as const
const REPORT_EVERY_MS = 60_000
const TICK_MS = 1_000

export function useIdleLock() {
  const session = useSessionStore()
  const router = useRouter()
  const { isSignedIn, state } = storeToRefs(session)
  const lastInput = ref(Date.now())
  const now = ref(Date.now())
  let lastReport = 0
  let locking = false
  let timer: ReturnType<typeof setInterval> | null = null

  const limitMs = computed(() => state.value.idleLockMinutes * 60_000)
  const remainingMs = computed(() => limitMs.value - (now.value - lastInput.value))
  const warning = computed(() => isSignedIn.value && remainingMs.value <= IDLE_WARNING_MS)
  const secondsLeft = computed(() => Math.max(0, Math.ceil(remainingMs.value / 1000)))

  function activity(): void {
    if (!isSignedIn.value || locking) return
    const at = Date.now()
    lastInput.value = at
    now.value = at
    if (at - lastReport >= REPORT_EVERY_MS) {
      lastReport = at
      void session.keepSignedIn()
    }
  }

  async function lock(): Promise<void> {
    if (locking) return
    locking = true
    try {
      session.rememberReturnPath(router.currentRoute.value.fullPath)
      await session.signOut('idle')
      await router.replace({ name: 'sign-in' })
    } finally {
      locking = false
    }
  }

  function tick(): void {
    now.value = Date.now()
    if (isSignedIn.value && remainingMs.value <= 0) void lock()
  }

  function start(): void {
    lastInput.value = Date.now()
    now.value = lastInput.value
    lastReport = lastInput.value
    timer ??= setInterval(tick, TICK_MS)
  }

  function stop(): void {
    if (timer !== null) clearInterval(timer)
    timer = null
  }

  for (const event of ACTIVITY_EVENTS) {
    window.addEventListener(event, activity, { capture: true, passive: true })
  }
  watch(isSignedIn, (signedIn) => (signedIn ? start() : stop()), { immediate: true })
  onBeforeUnmount(() => {
    stop()
    for (const event of ACTIVITY_EVENTS)
      window.removeEventListener(event, activity, { capture: true })
  })

  /** "Stay signed in": counts as activity and tells the main process at once. */
  function stay(): void {
    lastReport = 0
    activity()
  }

  return { warning, secondsLeft, stay, lockNow: lock }
}
