import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/lib/**/*.test.ts',
            'test/i18n/**/*.test.ts',
            'test/components/**/*.test.ts',
            'test/notebook/**/*.test.ts',
            'test/scripts/**/*.test.ts',
            'test/architecture.test.ts',
          ],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser and one server for the whole run; the files share them and must not race.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
