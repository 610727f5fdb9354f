import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', '.e2e-profiles/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      // Page text is never HTML (ARCHITECTURE.md, content scripts are guests).
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Never use page or user text as HTML; build nodes or use textContent.' },
        { property: 'outerHTML', message: 'Never use page or user text as HTML.' }],
      'no-restricted-syntax': ['error',
        { selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]', message: 'Never render text as HTML.' },
        // Dexie keeps a transaction open across native awaits only when its scope is an async
        // function; a plain arrow returning a promise fails with PrematureCommitError.
        { selector: "CallExpression[callee.property.name='transaction'] > ArrowFunctionExpression[async=false]", message: 'A Dexie transaction scope must be an async function.' },
        { selector: "CallExpression[callee.property.name='transaction'] > FunctionExpression[async=false]", message: 'A Dexie transaction scope must be an async function.' }],
    },
  },
  {
    files: ['tests/**'],
    // The simulator writes some state updates as comma sequences; harmless in test infrastructure.
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-properties': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
