// ESLint for the API, the worker and the libs (the web app has its own config in apps/portal-web).
// `npm run lint` (so `npm test`) applies typescript-eslint's strict type-checked preset and the
// boundary rule below. KEYPORT_LINT_TYPES=0 leaves out the preset, whose type information takes
// half a minute to build: test/lint-boundaries.e2e-spec.ts sets it to check the boundary rule alone.
import tseslint from 'typescript-eslint';

const withTypes = process.env.KEYPORT_LINT_TYPES !== '0';

const strictTypeChecked = [
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A Nest module is an empty class that exists to carry its @Module decorator.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // Numbers and booleans print as expected in messages and keys; objects, null and undefined still fail.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `(error) => (failure = error)` and an early `return reply(...)` in a void function read as what they do.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // `const { secret: _omitted, ...rest } = row` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // An async method that implements a promise-returning port or override turns its throws into
      // rejections, which its callers rely on, even when it awaits nothing.
      '@typescript-eslint/require-await': 'off',
      // JSON documents (OpenAPI operations, outbox payloads) drop keys by name; a Map would not serialise.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    // DTOs are classes only so that Swagger and the validation pipe can describe them: they hold data and
    // no instance methods, so controllers build them as object literals and spread them (Nest's idiom), and
    // nothing relies on `instanceof` or their prototype.
    files: ['apps/portal-api/src/**/*.dto.ts', 'apps/portal-api/src/**/*.controller.ts'],
    rules: { '@typescript-eslint/no-unsafe-class-instance-assignment': 'off', '@typescript-eslint/no-misused-spread': 'off' },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/portal-web/**', 'libs/db/src/generated/**', '**/*.spec.ts', '**/testing/**'] },
  ...(withTypes ? strictTypeChecked : [{ files: ['apps/**/*.ts', 'libs/**/*.ts'], languageOptions: { parser: tseslint.parser } }]),
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    rules: {
      // Configuration is read and validated once, in libs/config; nothing else reads the environment.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through AppConfig (libs/config).' }],
    },
  },
  { files: ['libs/config/**/*.ts'], rules: { 'no-restricted-properties': 'off' } },
);
