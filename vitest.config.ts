import { defineConfig } from 'vitest/config';

// Tests run against source through the @orbwatch/source export condition, never against dist
// (CLI tests that spawn the built binary are the one exception). TZ is forced to an unusual
// non-UTC zone so that any accidental local-time conversion shows up as a failure.
process.env['TZ'] = 'Asia/Kathmandu';

export default defineConfig({
  resolve: { conditions: ['@orbwatch/source'] },
  ssr: { resolve: { conditions: ['@orbwatch/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    env: { TZ: 'Asia/Kathmandu' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report is what .ci/run reads to print its closing `N passed, N failed` line.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
