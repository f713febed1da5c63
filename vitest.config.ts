import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Two cores: one fork keeps the native SQLite builds from fighting the e2e browser.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default']
  }
})
