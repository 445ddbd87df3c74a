import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// "plotbrief" (which the flagship and test projects import) resolves to its TypeScript source, so that
// tests and the reports they load share one copy of plotbrief.
const conditions = ["plotbrief-source", ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // Plot shifts marks by half a pixel when a global window exists at import: no DOM globals here.
    environment: "node",
    globals: false,
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
