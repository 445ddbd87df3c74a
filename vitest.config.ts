import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Plot shifts marks by half a pixel when a global window exists at import: no DOM globals here.
    environment: "node",
    globals: false,
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
