import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

/** Which projects may import which. Tests may also use the emulator, the one fake upstream. */
function boundaries({ inTests }) {
  const testing = inTests ? ['type:emulator'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'], bannedExternalImports: [...serverSideBans, 'undici'] },
      { sourceTag: 'type:providers', onlyDependOnLibsWithTags: ['type:core', ...testing], bannedExternalImports: serverSideBans },
      { sourceTag: 'type:emulator', onlyDependOnLibsWithTags: ['type:core'], bannedExternalImports: serverSideBans },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:providers', 'type:emulator'] },
      {
        sourceTag: 'type:ui',
        onlyDependOnLibsWithTags: ['scope:contracts'],
        bannedExternalImports: ['@nestjs/*', 'fastify', 'typeorm', 'ioredis', 'undici', 'prom-client', 'pino'],
      },
    ],
  };
}

const serverSideBans = [
  '@nestjs/*', 'fastify', '@fastify/*', 'typeorm', 'ioredis', '@opentelemetry/*', 'prom-client', 'pino',
  'react', 'react-dom', 'better-sqlite3', 'pg',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@nx/enforce-module-boundaries': ['error', boundaries({ inTests: false })],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries({ inTests: true })],
    },
  },
);
