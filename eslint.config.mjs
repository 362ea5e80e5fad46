// eslint (flat config): typescript-eslint everywhere, the Office add-in rules on the add-in, the
// React hooks rules on the pane, and in src/ no `any` and no import cycle.
import importX from 'eslint-plugin-import-x';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-addin/**',
      'dist-wps/**',
      '.bench-build/**',
      'node_modules/**',
      'test-results/**',
      'reports/**',
      '.stryker-tmp/**',
      'coverage/**',
      'out/**',
      'scratch/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Type-only imports count too: a cycle of types is still two modules that cannot be read apart.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/addin/**/*.ts', 'src/addin/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...Object.fromEntries(
        Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, 'error']),
      ),
      'office-addins/no-office-initialize': 'error',
    },
  },
  {
    files: ['src/addin/**/*.tsx', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['test/fakes/**/*.ts'], rules: { '@typescript-eslint/no-this-alias': 'off' } },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
);
