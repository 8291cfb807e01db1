/** Jest runs the unit and function tests on TypeScript through swc; .sql files load as text. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }],
    '^.+\\.sql$': '<rootDir>/tests/sql-transform.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'sql'],
  testTimeout: 60_000,
}
