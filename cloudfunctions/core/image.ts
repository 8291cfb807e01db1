/**
 * A photo made safe to keep and serve: its structure read end to end (a truncated file, a broken
 * chunk or a file of another kind is refused), only what draws the picture kept. Phone photos carry
 * GPS, the camera, the time and sometimes the owner's name in EXIF, XMP, comments and text chunks;
 * all of it is dropped except the JPEG orientation, written back alone so the photo stays upright.
 * Whatever follows the image's end (an appended page, a phone's motion-photo video) is not kept.
 */
import { crc32, inflateSync } from 'node:zlib'

export type ImageKind = 'jpg' | 'png'

export interface CleanImage {
  kind: ImageKind
  bytes: Buffer
  width: number
  height: number
}

/** Why a photo was refused; the message is the one the person reads. */
export class BadImage extends Error {}

const broken = () => new BadImage('照片文件已损坏或不完整，请重新选择')
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The kind from the first bytes, or undefined for anything else. */
function imageKind(bytes: Buffer): ImageKind | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  return undefined
}

export function cleanImage(bytes: Buffer): CleanImage {
  const kind = imageKind(bytes)
  if (kind === 'jpg') return cleanJpeg(bytes)
  if (kind === 'png') return cleanPng(bytes)
  throw new BadImage('照片只能是 JPG 或 PNG 图片')
}

// ---- JPEG ----

const SOS = 0xda
const EOI = 0xd9
/** Frame headers: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
/** Segments that draw the picture: tables, frame, restart interval, JFIF, ICC colours, Adobe's colour transform. */
function keepsSegment(marker: number, body: Buffer): boolean {
  if (isFrame(marker) || [0xc4, 0xcc, 0xdb, 0xdd].includes(marker)) return true
  if (marker === 0xe0) return body.subarray(0, 5).toString('latin1') === 'JFIF\0'
  if (marker === 0xe2) return body.subarray(0, 12).toString('latin1') === 'ICC_PROFILE\0'
  if (marker === 0xee) return body.subarray(0, 5).toString('latin1') === 'Adobe'
  return false
}

function cleanJpeg(bytes: Buffer): CleanImage {
  const out: Buffer[] = [bytes.subarray(0, 2)]
  let at = 2
  let orientation: number | undefined
  let size: { width: number; height: number } | undefined
  let scans = 0
  for (;;) {
    if (at + 2 > bytes.length || bytes[at] !== 0xff) throw broken()
    while (bytes[at + 1] === 0xff) at++ // fill bytes before a marker
    const marker = bytes[at + 1]
    if (marker === EOI) break
    if (at + 4 > bytes.length) throw broken()
    const length = bytes.readUInt16BE(at + 2)
    const end = at + 2 + length
    if (length < 2 || end > bytes.length) throw broken()
    const body = bytes.subarray(at + 4, end)
    if (marker === 0xe1) orientation ??= exifOrientation(body)
    if (isFrame(marker)) {
      if (body.length < 5) throw broken()
      size = { height: body.readUInt16BE(1), width: body.readUInt16BE(3) }
    }
    if (marker === SOS) {
      const dataEnd = scanEnd(bytes, end)
      out.push(bytes.subarray(at, dataEnd))
      scans++
      at = dataEnd
      continue
    }
    if (keepsSegment(marker, body)) out.push(bytes.subarray(at, end))
    at = end
  }
  if (!size || size.width === 0 || size.height === 0 || scans === 0) throw broken()
  if (orientation && orientation !== 1) out.splice(1, 0, orientationSegment(orientation))
  out.push(Buffer.from([0xff, EOI]))
  return { kind: 'jpg', bytes: Buffer.concat(out), ...size }
}

/** Where a scan's entropy-coded data ends: at the first marker that is neither stuffing (FF00) nor a restart (FFD0–D7). */
function scanEnd(bytes: Buffer, from: number): number {
  for (let at = from; at + 1 < bytes.length; at++) {
    if (bytes[at] !== 0xff) continue
    const next = bytes[at + 1]
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return at
  }
  throw broken()
}

/** The EXIF Orientation tag (0x0112) of an APP1 body, if it has one. */
function exifOrientation(body: Buffer): number | undefined {
  if (body.subarray(0, 6).toString('latin1') !== 'Exif\0\0' || body.length < 14) return undefined
  const tiff = body.subarray(6)
  const order = tiff.subarray(0, 2).toString('latin1')
  if (order !== 'II' && order !== 'MM') return undefined
  const u16 = (at: number) => (order === 'II' ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (order === 'II' ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd = u32(4)
  if (ifd + 2 > tiff.length) return undefined
  const count = u16(ifd)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return undefined
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8)
      return value >= 1 && value <= 8 ? value : undefined
    }
  }
  return undefined
}

/** An APP1 segment holding only the orientation: big-endian TIFF, one IFD with one entry. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26)
  tiff.write('MM\0*', 0, 'latin1')
  tiff.writeUInt32BE(8, 4)
  tiff.writeUInt16BE(1, 8)
  tiff.writeUInt16BE(0x0112, 10)
  tiff.writeUInt16BE(3, 12) // SHORT
  tiff.writeUInt32BE(1, 14)
  tiff.writeUInt16BE(orientation, 18)
  tiff.writeUInt32BE(0, 22) // no next IFD
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.from([0xff, 0xe1, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

// ---- PNG ----

/** Chunks that draw the picture; text, time, EXIF and anything unknown are dropped. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs'])
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }
/** A photo's raw pixels at most (8000 × 8000 × 4 bytes would be 256 MB): refuses a decompression bomb. */
const MAX_PIXEL_BYTES = 100 * 1024 * 1024

function cleanPng(bytes: Buffer): CleanImage {
  const out: Buffer[] = [PNG_SIGNATURE]
  const data: Buffer[] = []
  let header: Buffer | undefined
  let at = 8
  for (;;) {
    if (at + 12 > bytes.length) throw broken()
    const length = bytes.readUInt32BE(at)
    const end = at + 12 + length
    if (end > bytes.length) throw broken()
    const type = bytes.subarray(at + 4, at + 8).toString('latin1')
    const body = bytes.subarray(at + 8, at + 8 + length)
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) throw broken()
    if (at === 8 && (type !== 'IHDR' || length !== 13)) throw broken()
    if (type === 'IHDR') header = body
    if (type === 'IDAT') data.push(body)
    if (PNG_KEPT.has(type)) out.push(bytes.subarray(at, end))
    at = end
    if (type === 'IEND') break
  }
  if (!header) throw broken()
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  checkPixels(header, Buffer.concat(data))
  return { kind: 'png', bytes: Buffer.concat(out), width, height }
}

/** The compressed pixels inflate, and (not interlaced) to exactly one filter byte plus one row per line. */
function checkPixels(header: Buffer, compressed: Buffer): void {
  const [width, height, depth, colour, interlace] = [header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9], header[12]]
  const channels = CHANNELS[colour]
  if (!width || !height || !channels || compressed.length === 0) throw broken()
  const expected = height * (1 + Math.ceil((width * channels * depth) / 8))
  if (expected > MAX_PIXEL_BYTES) throw new BadImage('照片尺寸过大，请缩小后再上传')
  let pixels: Buffer
  try {
    pixels = inflateSync(compressed, { maxOutputLength: interlace === 0 ? expected + 1 : expected * 2 })
  } catch {
    throw broken()
  }
  if (interlace === 0 && pixels.length !== expected) throw broken()
}
