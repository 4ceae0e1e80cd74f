// ESLint for the API, the worker and the libs (the web app has its own config in apps/portal-web).
// `npm run lint` applies the boundary rule below; `npm run lint:types` adds typescript-eslint's
// strict type-checked preset, whose existing findings are being worked down (not yet in `npm test`).
import tseslint from 'typescript-eslint';

const withTypes = process.env.KEYPORT_LINT_TYPES === '1';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/portal-web/**', 'libs/db/src/generated/**', '**/*.spec.ts', '**/testing/**'] },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    extends: withTypes ? [tseslint.configs.strictTypeChecked] : [],
    languageOptions: withTypes
      ? { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }
      : { parser: tseslint.parser },
    rules: {
      // Configuration is read and validated once, in libs/config; nothing else reads the environment.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through AppConfig (libs/config).' }],
    },
  },
  { files: ['libs/config/**/*.ts'], rules: { 'no-restricted-properties': 'off' } },
);
