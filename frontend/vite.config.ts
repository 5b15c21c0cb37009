/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

// The FastAPI service serves dist/ at / and the API under /api/v1 on the same
// origin; in development the dev server forwards API calls to it.
const api = process.env.CAREERGRAPH_API ?? "http://127.0.0.1:8000";

// The frame's parts (AppShell and what it imports) and the maps' drawing code: left to
// the entry and to the screens that draw maps. Every other component or helper used by two
// screens or more is "shared".
const SHELL =
  /\/src\/(components\/(Await|DatasetPicker|DatasetScope|Loading|ProblemView)|lib\/(datasetUrl|datasets|links|useResource|catalogue|urlState))\./;
const MAPS = /Map|map|Scene|scene|Canvas|Node|neighbourhood/;

function sharedByScreens(id: string): boolean {
  return /\/src\/(components|lib)\//.test(id) && !SHELL.test(id) && !MAPS.test(id);
}

/**
 * Writes `name.br` beside every script and style sheet, compressed once at brotli's highest
 * quality (a sixth smaller than the service's on-the-fly gzip); app/frontend.py sends it to
 * browsers that accept br. Files under 1 kB stay as they are: the headers cost more.
 */
function precompress(): Plugin {
  return {
    name: "careergraph-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = join(options.dir ?? "dist", name);
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        const params = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY };
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      "/api": api,
      "/health": api,
    },
  },
  build: {
    outDir: "dist",
    sourcemap: false, // never publish the sources; app/frontend.py refuses *.map too
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The small parts several screens share travel in a few chunks, grouped by the
          // screens that use them, rather than one request each (every answer carries
          // about 700 bytes of headers). The frame's own parts stay in the entry.
          includeDependenciesRecursively: false,
          groups: [
            {
              name: "shared",
              test: sharedByScreens,
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 8000,
            },
          ],
        },
        // "shared~GapPage~PathsPage~..." names every screen using the chunk: too long a URL.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith("shared~") ? "assets/shared-[hash].js" : "assets/[name]-[hash].js",
      },
    },
  },
  test: {
    environment: "jsdom",
    // One jsdom per worker, not one per test file: the files share nothing at module level
    // (each test renders its own tree, and cleanup runs after each), and setting up jsdom
    // 26 times cost CI 30 s of CPU of the 35 the suite took (4 s now).
    isolate: false,
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
