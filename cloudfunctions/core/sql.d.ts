declare module '*.sql' {
  const text: string
  export default text
}

declare module 'pg/lib/utils' {
  /** node-postgres's own parameter encoding (arrays as literals, Buffers as bytea, Dates, JSON). */
  export function prepareValue(value: unknown): string | Buffer | null
}
