import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { copyFonts } from './scripts/fonts.mjs'

/**
 * The production Content-Security-Policy lives in src/index.html. The dev
 * server needs a looser one (Vite's HMR client injects styles and opens a
 * websocket), so it is swapped only when serving, never in a build.
 */
function devCsp(): Plugin {
  return {
    name: 'back-intake:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(
        /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/,
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://localhost:* http://localhost:*">`
      )
    }
  }
}

/**
 * The PDF summary reads its fonts from resources/fonts at run time; they come
 * from npm packages (scripts/fonts.mjs), so every build makes sure they are there.
 */
function pdfFonts(): Plugin {
  return {
    name: 'back-intake:pdf-fonts',
    buildStart() {
      copyFonts()
    }
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // Its own entry: the PDF worker thread runs this file (services/pdf/pdfWorker.ts).
          pdfWorker: resolve('electron/main/services/pdf/pdfWorker.ts'),
          // And the integrity check's (services/dataSafety/integrityWorker.ts): a
          // full check of a large database must not run on the main thread.
          integrityWorker: resolve('electron/main/services/dataSafety/integrityWorker.ts')
        }
      }
    },
    plugins: [pdfFonts()]
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything
      // else into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src',
    base: './',
    plugins: [vue(), devCsp()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('src/index.html') } },
      // Files, not data: URIs, so the CSP needs no data: for fonts or scripts.
      assetsInlineLimit: 0
    }
  }
})
