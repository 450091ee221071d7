// ESLint (flat config): the recommended rules of ESLint, typescript-eslint and eslint-plugin-vue over the
// whole tree; eslint-config-prettier last, so no rule fights Prettier (.prettierrc.json formats).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      '**/fixtures/',
      'placement-ui/auto-imports.d.ts',
      'placement-ui/components.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      // TypeScript checks names (tsc, vue-tsc); no-undef does not know the Node, DOM or auto-imported globals.
      'no-undef': 'off',
      // `_name` marks a parameter or binding kept for its position (callbacks, destructuring that drops a key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The admin settings forms own one reactive draft each (loaded, edited, saved whole); their editor
    // components (ladders, segment rules, escalation steps, templates, windows) edit that draft in place
    // by design, so one Save sends everything. Elsewhere a component must not write to its props.
    files: ['placement-ui/src/tabs/admin/**/*.vue'],
    rules: { 'vue/no-mutating-props': 'off' },
  },
  {
    // The bracketed-form decoder strips NUL characters from every value on purpose (they end strings in C
    // code and PostgreSQL text); the regex names the character it removes.
    files: ['server/http/form-body.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  prettier,
)
