import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "generated-apps/**", "e2e/.tmp/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"],
  },
  {
    settings: { next: { rootDir: "." } },
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through env.ts." },
      ],
    },
  },
  {
    files: ["env.ts", "scripts/**", "playwright.config.ts", "e2e/**", ".ci/**", "bench/**", "test/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
