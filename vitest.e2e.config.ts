// Browser tests: a real Chromium against the production build, one file at a time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Lessons run side by side on one browser; more would only queue on a 2-core machine.
    maxConcurrency: 4,
  },
});
