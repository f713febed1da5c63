/**
 * Routes. Hash history, because the built app is loaded from its own files.
 * Signed out, every route leads to the sign-in screen; in patient mode every
 * route but the locked intake leads to it; each staff screen names the role
 * it needs. The main process refuses all of this anyway: the guards keep the
 * screen honest.
 */
import { createRouter, createWebHashHistory } from 'vue-router'
import type { StaffRole } from './domain'
import { useSessionStore } from './stores/session'
import IntakeView from './views/IntakeView.vue'
import SignInView from './views/SignInView.vue'
import StartView from './views/StartView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** The least role that may open the screen (front desk when not given). */
    needs?: StaffRole
  }
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: SignInView },
    { path: '/', name: 'start', component: StartView },
    // A returning patient's follow-up visit is started by the front desk, like a new intake.
    {
      path: '/follow-up',
      name: 'follow-up',
      component: () => import('./views/FollowUpStartView.vue')
    },
    { path: '/intake/:id', name: 'intake', component: IntakeView, props: true },
    { path: '/intakes', name: 'intakes', component: () => import('./views/IntakeListView.vue') },
    // The clinician's home after signing in; the front desk opens it from the navigation.
    { path: '/queue', name: 'queue', component: () => import('./views/QueueView.vue') },
    {
      path: '/search',
      name: 'search',
      component: () => import('./views/SearchView.vue'),
      // Search reaches the patient's own words: clinical content.
      meta: { needs: 'clinician' }
    },
    {
      path: '/intakes/:id',
      name: 'intake-detail',
      component: () => import('./views/IntakeDetailView.vue'),
      props: true,
      meta: { needs: 'clinician' }
    },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    {
      path: '/staff',
      name: 'staff',
      component: () => import('./views/StaffView.vue'),
      meta: { needs: 'administrator' }
    },
    {
      path: '/audit',
      name: 'audit',
      component: () => import('./views/AuditView.vue'),
      meta: { needs: 'administrator' }
    },
    { path: '/:pathMatch(.*)*', redirect: '/' }
  ]
})

router.beforeEach((to) => {
  const session = useSessionStore()
  const { role, intakeId } = session.state
  if (role === 'patient') {
    if (intakeId && !(to.name === 'intake' && to.params['id'] === intakeId)) {
      return { name: 'intake', params: { id: intakeId } }
    }
    return true
  }
  if (role === 'signed-out') return to.name === 'sign-in' ? true : { name: 'sign-in' }
  if (to.name === 'sign-in') return { name: 'start' }
  if (!session.can(to.meta.needs ?? 'front-desk')) return { name: 'start' }
  return true
})
