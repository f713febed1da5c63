/**
 * The build-time constants the main process reads. Vite replaces
 * `import.meta.env.DEV` when electron-vite builds this code: true for
 * `electron-vite dev`, false for `electron-vite build` (devOverrides.ts).
 * Declared exactly as vite/client declares them, so the two agree should both
 * ever be in one program.
 */
interface ImportMetaEnv {
  DEV: boolean
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
