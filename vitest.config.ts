import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // linear-time checks run 1 MB inputs several times; a busy 2-core machine needs the headroom
    testTimeout: 60_000,
  },
});
