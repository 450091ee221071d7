import './app.css'
import { createApp } from 'vue'
import App from './App.vue'
import { kitSetup } from './app/kit-setup.ts'

// not the kit's vue-plugin: it brings a head manager (unhead) into every page for two <html> attributes
createApp(App).use(kitSetup).mount('#app')
