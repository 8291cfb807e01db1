/** Exports staff open in Excel: attendance lists, duty totals, unit figures. */

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading formula sign is defused. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** UTF-8 CSV with a byte-order mark, so Excel opens Chinese text right. */
export function csv(rows: unknown[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
