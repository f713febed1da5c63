/**
 * Routes. Hash history, because the built app is loaded from a file. In
 * patient mode every route but the locked intake redirects to it: the
 * main process refuses other records anyway, this keeps the screen honest.
 */
import { createRouter, createWebHashHistory } from 'vue-router'
import { useSessionStore } from './stores/session'
import IntakeView from './views/IntakeView.vue'
import StartView from './views/StartView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'start', component: StartView },
    { path: '/intake/:id', name: 'intake', component: IntakeView, props: true },
    { path: '/intakes', name: 'intakes', component: () => import('./views/IntakeListView.vue') },
    {
      path: '/intakes/:id',
      name: 'intake-detail',
      component: () => import('./views/IntakeDetailView.vue'),
      props: true
    },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' }
  ]
})

router.beforeEach((to) => {
  const session = useSessionStore()
  const locked = session.state.intakeId
  if (
    session.state.role === 'patient' &&
    locked &&
    !(to.name === 'intake' && to.params['id'] === locked)
  ) {
    return { name: 'intake', params: { id: locked } }
  }
  return true
})
