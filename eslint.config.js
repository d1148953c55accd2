// Trailscope's lint: type-aware TypeScript, React hooks, TanStack Query's
// strict preset, accessibility, the import boundaries of ../shared/STYLE.md,
// and no HTML or code built from strings (event text is hostile).
import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import vitest from "@vitest/eslint-plugin";
import jsxA11y from "eslint-plugin-jsx-a11y";
import playwright from "eslint-plugin-playwright";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import boundaries from "./scripts/eslint-restricted-paths.js";

const layerZones = [
  {
    target: "./src/features",
    from: "./src/app",
    message: "Features do not import the app shell.",
  },
  ...["events", "trails", "insights", "investigate"].map((feature) => ({
    target: `./src/features/${feature}`,
    from: "./src/features",
    except: [`./${feature}`, "./regions"],
    message: "Features do not import each other: compose them in src/app.",
  })),
  {
    target: ["./src/api", "./src/components", "./src/stores", "./src/lib"],
    from: ["./src/features", "./src/app"],
    message: "Shared layers do not import features or the app.",
  },
  {
    target: "./src/lib",
    from: ["./src/components", "./src/stores"],
    message: "lib is pure helpers.",
  },
];
const productionZone = {
  target: "./src",
  from: "./mocks",
  message: "Production code never imports mocks/ (only main.tsx, lazily).",
};

export default tseslint.config(
  {
    ignores: [
      "dist",
      "dist-*",
      ".e2e-build",
      ".bench",
      "reports",
      "node_modules",
      "public/mockServiceWorker.js",
      "test-results",
      "playwright-report",
      "bench-results",
      ".shot*.mjs",
      ".vitest-*.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": [
        "error",
        {
          property: "innerHTML",
          message: "Event text is hostile: render text with React.",
        },
        {
          property: "outerHTML",
          message: "Event text is hostile: render text with React.",
        },
        {
          property: "insertAdjacentHTML",
          message: "Event text is hostile: render text with React.",
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name='write'][callee.object.name='document']",
          message: "No document.write.",
        },
      ],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "react/no-danger": "error",
      "react/jsx-no-script-url": "error",
      "react/jsx-no-target-blank": "error",
      "react/prop-types": "off",
    },
  },
  {
    // Bilingual screens (docs/i18n.md): no bare text in JSX, and no literal
    // accessible names, anywhere in the console's screens. (Selectors rather
    // than react/jsx-no-literals: its elementOverrides, needed to allow text
    // inside <Trans>, crashes on `for (const x of y)` in eslint-plugin-react
    // 7.37.)
    files: [
      "src/app/**/*.tsx",
      "src/components/**/*.tsx",
      "src/features/**/*.tsx",
    ],
    ignores: ["**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name='write'][callee.object.name='document']",
          message: "No document.write.",
        },
        {
          // Bare JSX text, outside <Trans> (where sentences with markup live).
          selector:
            "JSXText[value=/[A-Za-z\\u4e00-\\u9fff]/]:not(JSXElement[openingElement.name.name='Trans'] JSXText)",
          message:
            "Text in JSX comes from the catalogs: use t`…` or <Trans> (docs/i18n.md).",
        },
        {
          selector: [
            "JSXElement > JSXExpressionContainer > Literal[value=/[A-Za-z\\u4e00-\\u9fff]{2}/]",
            "JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z\\u4e00-\\u9fff]{2}/]",
            "JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z\\u4e00-\\u9fff]{3}/]",
          ].join(", "),
          message:
            "Text in JSX comes from the catalogs: use t`…` (docs/i18n.md).",
        },
        {
          selector:
            "JSXAttribute[name.name=/^(aria-label|aria-description|title|alt|placeholder|label)$/] > Literal[value=/[A-Za-z\\u4e00-\\u9fff]/]",
          message:
            "Accessible names and tooltips come from the catalogs: use t`…` (docs/i18n.md).",
        },
      ],
    },
  },
  ...pluginQuery.configs["flat/recommended-strict"],
  {
    // Imports flow one way: app → features → {api, components, stores, lib}.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { trailscope: boundaries },
    rules: {
      "trailscope/restricted-paths": [
        "error",
        { zones: [...layerZones, productionZone] },
      ],
    },
  },
  {
    // Tests and their helpers run against the simulated account in Node.
    files: [
      "src/**/*.test.{ts,tsx}",
      "src/**/*-test-utils.ts",
      "src/testing/**",
    ],
    rules: { "trailscope/restricted-paths": ["error", { zones: layerZones }] },
  },
  {
    files: ["mocks/**/*.ts"],
    plugins: { trailscope: boundaries },
    rules: {
      "trailscope/restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./mocks",
              from: [
                "./src/app",
                "./src/features",
                "./src/components",
                "./src/stores",
                "./src/testing",
              ],
              message:
                "mocks/ may import src/api schemas and pure src/lib helpers, never React code.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "src/**/*.test.{ts,tsx}",
      "mocks/**/*.test.ts",
      "scripts/**/*.test.ts",
      "server/**/*.test.ts",
      "src/testing/**",
    ],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      "vitest/no-focused-tests": "error",
      "vitest/no-disabled-tests": "error",
      "vitest/expect-expect": [
        "error",
        { assertFunctionNames: ["expect", "expect*", "assert*"] },
      ],
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["e2e/**/*.ts"],
    ...playwright.configs["flat/recommended"],
    rules: {
      ...playwright.configs["flat/recommended"].rules,
      "playwright/no-wait-for-timeout": "error",
      "playwright/no-focused-test": "error",
      "playwright/no-skipped-test": "error",
      "playwright/expect-expect": [
        "error",
        { assertFunctionNames: ["expect*", "assert*"] },
      ],
      "no-empty-pattern": "off",
    },
  },
  {
    files: ["eslint.config.js", "scripts/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
