// ESLint flat config: typescript-eslint + eslint-plugin-vue, errors only, and
// the layering of the engineering guide enforced per folder so a wrong import
// fails the build instead of waiting for a review.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

const noElectronFromRenderer = {
  group: ['**/electron/**', 'electron', 'better-sqlite3', 'node:*', 'pdfmake'],
  message: 'The renderer talks to the main process only through src/api.ts.'
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module' }
    }
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'no-console': 'off',
      // TypeScript already knows every global; ESLint's list would only disagree with it.
      'no-undef': 'off'
    }
  },
  {
    // The domain is pure: nothing app-specific, no Node, no Electron, no Vue, no DOM.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../*',
                '!../types',
                '!../records',
                '!../errors',
                '!../catalogue',
                '!../validateAnswers',
                '!../dates',
                '!../answerAccess',
                '!../signaturePath',
                '!../clinicDetails',
                '!../privacyNotice',
                '!../textFields',
                '!../clinicianText',
                '!../pdfSettings',
                '!../summaryExport',
                '!../staff',
                '!../amendments',
                '!../followUp',
                '!../audit',
                '!../dataSafety',
                '!../review'
              ],
              message: 'src/domain imports only itself.'
            },
            {
              group: ['vue', 'vue-*', 'pinia', 'electron', 'better-sqlite3', 'node:*', 'pdfmake'],
              message: 'src/domain is pure TypeScript.'
            }
          ]
        }
      ]
    }
  },
  {
    // The renderer may use the domain, never the main process.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectronFromRenderer] }] }
  },
  {
    // The preload imports only 'electron' and the domain contract.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../main/**', 'node:*', 'better-sqlite3', 'vue'],
              message: 'The preload imports only electron and src/domain.'
            }
          ]
        }
      ]
    }
  },
  {
    // Main-process code may use the domain, never the renderer.
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/*', '!**/src/domain', '**/src/!(domain)/**'],
              message: 'electron/ may import src/domain only.'
            }
          ]
        }
      ]
    }
  },
  prettier
)
