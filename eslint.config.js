import tseslint from "typescript-eslint";

/**
 * The layers, enforced: routes (app/routes) guard, parse, make one module call and render; the
 * modules (app/modules) hold the domain and all SQL; components render; utils are the plumbing
 * under all of them. A route that reaches for the database, a module that reaches up into a route
 * or a component, or a util that reaches up into a module fails lint.
 */
const DATABASE = [
  { group: ["**/db/*", "**/db/**"], message: "Routes reach the database (and its vocabularies) through a module (app/modules/<area>), never db/ directly." },
  { group: ["~/utils/db.server", "**/utils/db.server"], message: "Routes reach the database through a module (app/modules/<area>/*.server.ts)." },
  { group: ["kysely", "kysely/*", "pg"], message: "SQL lives in modules (app/modules/<area>/*.server.ts), not in routes." },
];
const UPWARD_FROM_MODULES = [
  { group: ["~/routes/*", "**/routes/*"], message: "Modules never import routes: move what both need into the module." },
  { group: ["~/components/*", "**/components/*"], message: "Modules return data, components render it: modules never import components." },
];
const UPWARD_FROM_UTILS = [{ group: ["~/modules/*", "**/modules/*"], message: "Utils are the layer under modules: they never import a module." }];

/** The one module that renders React: lessons are rendered to HTML on the server with the lesson components. */
export const RENDERS_REACT = ["app/modules/courses/render-lesson.server.tsx"];

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", ".data/**", "node_modules/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["app/routes/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: DATABASE }] } },
  { files: ["app/modules/**/*.{ts,tsx}"], ignores: [...RENDERS_REACT, "**/*.test.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: UPWARD_FROM_MODULES }] } },
  { files: ["app/utils/**/*.{ts,tsx}"], ignores: ["**/*.test.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: UPWARD_FROM_UTILS }] } },
);
