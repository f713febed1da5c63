// Copies the PDF summary's fonts from their npm packages into resources/fonts/,
// where the main process reads them at run time (engineering guide §5). The
// .ttf files are not committed: the packages are pinned in the lockfile, so a
// fresh `npm ci` (postinstall) or any build (electron.vite.config.ts) puts the
// same bytes back. Run by hand with `node scripts/fonts.mjs`.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))

/** File in resources/fonts → where it comes from (package, path inside it). Keep in step with electron/main/services/pdf/fonts.ts. */
export const FONT_SOURCES = [
  ['NotoSans-Regular.ttf', '@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf'],
  ['NotoSans-Bold.ttf', '@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'],
  [
    'NotoSans-Italic.ttf',
    '@expo-google-fonts/noto-sans',
    '400Regular_Italic/NotoSans_400Regular_Italic.ttf'
  ],
  [
    'NotoSansSC-Regular.ttf',
    '@expo-google-fonts/noto-sans-sc',
    '400Regular/NotoSansSC_400Regular.ttf'
  ]
]

/** Copies each font whose copy is missing or differs in size; returns the folder. */
export function copyFonts(target = join(root, 'resources', 'fonts')) {
  mkdirSync(target, { recursive: true })
  for (const [name, pkg, inner] of FONT_SOURCES) {
    const source = join(dirname(require.resolve(`${pkg}/package.json`)), inner)
    const destination = join(target, name)
    if (existsSync(destination) && statSync(destination).size === statSync(source).size) continue
    copyFileSync(source, destination)
  }
  return target
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`Fonts copied to ${copyFonts()}`)
}
