import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The model and the engine are pure: no UI, no DOM, no wall clock, no unseeded randomness,
// so that every trace can be replayed and tested (see docs/architecture.md, "Keeping the core pure").
const pureCore = {
  files: ["src/model/**/*.ts", "src/engine/**/*.ts", "src/protocol/**/*.ts"],
  // Tests run in Node and may read fixtures from disk.
  ignores: ["**/*.test.ts"],
  languageOptions: { globals: { ...globals.es2022 } },
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["react", "react-*", "@xyflow/*", "zustand", "zustand/*"],
            message: "The engine is UI-free.",
          },
          { group: ["node:*", "fs", "path"], message: "The engine runs in a browser worker: no Node APIs." },
        ],
      },
    ],
    "no-restricted-properties": [
      "error",
      { object: "Math", property: "random", message: "Use the seeded RNG (src/engine/rng.ts)." },
      { object: "Date", property: "now", message: "Use the simulation's explicit clock." },
    ],
    "no-restricted-globals": [
      "error",
      { name: "window", message: "The engine has no DOM." },
      { name: "document", message: "The engine has no DOM." },
      { name: "performance", message: "Use the simulation's explicit clock." },
    ],
  },
};

// The view (everything that draws or holds what is drawn) takes the words it shares with the engine and
// the model (ticks, HOP flags, actions, events, metrics, diagnostics) from src/protocol only, so the
// engine stays behind the worker seam (see docs/architecture.md, "Layers and the direction of data").
const VIEW_FOLDERS = [
  "src/scene",
  "src/ui",
  "src/flow",
  "src/animation",
  "src/store",
  "src/app",
  "src/embed",
  "src/share",
  "src/export",
  "src/compare",
  "src/lessons",
];
const throughProtocol = {
  group: ["**/engine/**", "**/model/**"],
  message: "The view takes what it shares with the engine and the model from src/protocol.",
};
// Within the view, the graph (flow) and the packet layer (animation) do not know each other: what both
// draw from (place ids, route geometry, colours, hop captions) is in src/scene, and the page puts the
// packet layer into the graph. The scene, below both, imports neither, nor the panels (ui).
const notFrom = (folders, message) => ({ group: folders.map((f) => `**/${f}/**`), message });
const DIRECTIONS = {
  "src/scene": [
    notFrom(["flow", "animation", "ui"], "The scene is shared by the graph, the packets and the panels."),
  ],
  "src/flow": [
    notFrom(["animation"], "The page puts the packet layer into the graph; shared pieces are in src/scene."),
  ],
  "src/animation": [
    notFrom(
      ["flow", "ui"],
      "The packet layer takes place ids, geometry, colours and captions from src/scene.",
    ),
  ],
};
// One entry per folder: a later no-restricted-imports replaces an earlier one, so each lists all its patterns.
const viewLayer = VIEW_FOLDERS.map((folder) => ({
  files: [`${folder}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": ["error", { patterns: [throughProtocol, ...(DIRECTIONS[folder] ?? [])] }],
  },
}));

export default tseslint.config(
  { ignores: ["dist", "node_modules", "coverage", "test-results"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  pureCore,
  ...viewLayer,
);
