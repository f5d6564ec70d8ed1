import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, open: false },
  // Only the app's page is scanned for dependencies to pre-bundle: bench/ui/bare.html imports a module
  // that exists only in the benchmark's own build.
  optimizeDeps: { entries: ["index.html"] },
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
  },
});
