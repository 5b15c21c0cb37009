/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The FastAPI service serves dist/ at / and the API under /api/v1 on the same
// origin; in development the dev server forwards API calls to it.
const api = process.env.CAREERGRAPH_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": api,
      "/health": api,
    },
  },
  build: {
    outDir: "dist",
    sourcemap: false, // never publish the sources; app/frontend.py refuses *.map too
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
