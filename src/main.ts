import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { useSessionStore } from './stores/session'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n)

// The session decides what may be shown (patient mode is locked to one
// intake), so it is known before the router draws the first screen.
void useSessionStore(pinia)
  .refresh()
  .finally(() => {
    app.use(router)
    app.mount('#app')
  })
