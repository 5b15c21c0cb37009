// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules,
// with type information, and React's rules of hooks. `npm run lint` runs it;
// `make test` (and so CI) runs `npm run lint`.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  // Generated from the service's OpenAPI document (`make api-types`), not edited by hand.
  { ignores: ["dist/", "src/api/schema.d.ts"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  reactHooks.configs.flat.recommended,
  {
    rules: {
      "react-hooks/rules-of-hooks": "error",
      // useResource(load, deps) takes its deps like useEffect: check them at every call.
      "react-hooks/exhaustive-deps": ["error", { additionalHooks: "^useResource$" }],
    },
  },
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked] },
);
