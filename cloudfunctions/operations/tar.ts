/**
 * A POSIX ustar archive written in memory (the yearly archive bundle): regular files only, ASCII
 * names of at most 100 bytes, a fixed mtime so the same files give the same bytes.
 */
const BLOCK = 512

function header(name: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK)
  const put = (text: string, at: number, width: number) => block.write(text.slice(0, width), at, width, 'ascii')
  const octal = (n: number, width: number) => n.toString(8).padStart(width - 1, '0')
  if (Buffer.byteLength(name) > 100 || /[^\x20-\x7e]/.test(name)) throw new Error(`tar name not fit: ${name}`)
  put(name, 0, 100)
  put(`${octal(0o644, 8)}\0`, 100, 8)
  put(`${octal(0, 8)}\0`, 108, 8)
  put(`${octal(0, 8)}\0`, 116, 8)
  put(`${octal(size, 12)}\0`, 124, 12)
  put(`${octal(mtime, 12)}\0`, 136, 12)
  put('        ', 148, 8)
  put('0', 156, 1)
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  let sum = 0
  for (const byte of block) sum += byte
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8)
  return block
}

/** The archive of `files` (path → bytes), in the order given. */
export function tarOf(files: readonly { path: string; bytes: Uint8Array }[], mtime: Date): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000)
  const parts: Buffer[] = []
  for (const file of files) {
    parts.push(header(file.path, file.bytes.length, seconds), Buffer.from(file.bytes))
    const pad = (BLOCK - (file.bytes.length % BLOCK)) % BLOCK
    if (pad) parts.push(Buffer.alloc(pad))
  }
  parts.push(Buffer.alloc(BLOCK * 2))
  return Buffer.concat(parts)
}
