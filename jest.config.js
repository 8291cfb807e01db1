/** Jest runs the unit and function tests on TypeScript through swc; .sql files load as text. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } } }],
    '^.+\\.sql$': '<rootDir>/tests/sql-transform.js',
  },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // The kit's tests render in jsdom with stand-ins for Taro (no page runtime outside a build).
    '^@tarojs/components$': '<rootDir>/tests/support/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
    '\\.css$': '<rootDir>/tests/support/empty.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'sql'],
  testTimeout: 60_000,
}
