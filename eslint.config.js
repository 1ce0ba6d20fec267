// ESLint flat config. Besides the usual rules it guards the architecture:
// which folders may import Electron, React, Node built-ins or each other.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'child_process', 'http', 'https', 'net', 'os'];
// Relative (or src/-rooted) imports that reach into these folders.
const ELECTRON_DIR = String.raw`^(\.\.?/(.+/)?|(.*/)?src/main/)electron(/.*)?$`;
const RENDERER_DIR = String.raw`^(\.\.?/(.+/)?|(.*/)?src/)renderer(/.*)?$`;
const SANDBOX_DIR = String.raw`^(\.\.?/(.+/)?|(.*/)?src/)sandbox(/.*)?$`;
const MAIN_DIR = String.raw`^(\.\.?/(.+/)?|(.*/)?src/)main(/.*)?$`;

/** Core, sandbox and shared code must run in plain Node: no Electron, no UI. */
function platformFree(why) {
  const message = `${why} Put Electron code in src/main/electron and UI code in src/renderer.`;
  return {
    paths: ['electron', 'react', 'react-dom', 'zustand'].map((name) => ({ name, message })),
    patterns: [
      { regex: '^(react|react-dom|zustand)/', message },
      { regex: ELECTRON_DIR, message },
      { regex: RENDERER_DIR, message },
    ],
  };
}

/** Shared and renderer code also runs in the browser, where Node built-ins do not exist. */
function browserSafe(why) {
  const message = `${why} Node built-ins and Electron are not available there: ask the main process through the kiosk API.`;
  return {
    paths: [...NODE_BUILTINS, 'electron'].map((name) => ({ name, message })),
    patterns: [{ regex: '^node:', message }],
  };
}

const merge = (...parts) => ({
  paths: parts.flatMap((p) => p.paths),
  patterns: parts.flatMap((p) => p.patterns),
});
const restrict = (files, options) => ({ files, rules: { 'no-restricted-imports': ['error', options] } });

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.kiosk-data/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Playwright fixtures must destructure their first parameter, even when empty: `async ({}, use) => ...`.
  { files: ['e2e/**'], rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] } },
  // Scripts and config files run in Node.
  { files: ['**/*.{js,mjs,cjs}', '*.config.ts'], languageOptions: { globals: globals.node } },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },

  // Architecture boundaries. A later block replaces an earlier one for the
  // same rule, so each folder gets one complete list.
  restrict(
    ['src/main/core/**'],
    merge(platformFree('src/main/core must run without Electron (unit tests, sandbox, browser station).'), {
      paths: [],
      patterns: [
        {
          regex: SANDBOX_DIR,
          message: 'The core does not import the sandbox: the platform passes demo mode in (startDemoController).',
        },
      ],
    }),
  ),
  // Tests and their support start a sandbox to talk to, like an integrator would.
  restrict(
    ['src/main/core/**/*.test.ts', 'src/main/core/testing/**'],
    platformFree('src/main/core must run without Electron (unit tests, sandbox, browser station).'),
  ),
  restrict(['src/sandbox/**'], platformFree('src/sandbox runs in plain Node without Electron.')),
  // Node-only helpers shared by main and the sandbox (src/shared cannot hold them: it also runs in the page).
  restrict(['src/node/**'], platformFree('src/node runs in plain Node, for main and the sandbox alike.')),
  restrict(
    ['src/shared/**'],
    merge(
      platformFree('src/shared is used by main, preload and renderer alike.'),
      browserSafe('src/shared also runs in the renderer.'),
    ),
  ),
  restrict(
    ['src/renderer/**'],
    merge(browserSafe('src/renderer runs in a browser page (Electron window or station).'), {
      paths: [],
      patterns: [
        {
          regex: MAIN_DIR,
          message: 'The page reaches main only through the contract (src/shared/contract.ts), never by import.',
        },
      ],
    }),
  ),
  restrict(['src/preload/**'], {
    patterns: [
      {
        regex: String.raw`^(?!electron$|\.\./shared/).*`,
        message:
          'The preload script runs sandboxed: it may import only "electron" and ../shared/*. Put other logic in main or shared.',
      },
    ],
  }),
);
