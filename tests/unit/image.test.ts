/** Photos are kept without what a phone writes about the person (GPS, camera, comments), and only whole images are kept. */
import * as jpeg from 'jpeg-js'
import { crc32, deflateSync } from 'node:zlib'
import { BadImage, cleanImage } from '../../cloudfunctions/core/image'

const WIDTH = 24
const HEIGHT = 16

function pixels(): Buffer {
  const data = Buffer.alloc(WIDTH * HEIGHT * 4)
  for (let i = 0; i < WIDTH * HEIGHT; i++) data.set([(i * 7) % 256, (i * 13) % 256, 200, 255], i * 4)
  return data
}

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

/** An EXIF block as a phone writes it: orientation 6 (rotated), the camera maker and a GPS pointer, little-endian. */
function phoneExif(): Buffer {
  const tiff = Buffer.alloc(96)
  tiff.write('II*\0', 0, 'latin1')
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(3, 8)
  const entries: [number, number, number, number][] = [
    [0x010f, 2, 12, 50], // Make → "SecretPhone" at 50
    [0x0112, 3, 1, 6], // Orientation 6
    [0x8825, 4, 1, 64], // GPS IFD at 64
  ]
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12
    tiff.writeUInt16LE(tag, at)
    tiff.writeUInt16LE(type, at + 2)
    tiff.writeUInt32LE(count, at + 4)
    if (type === 3) tiff.writeUInt16LE(value, at + 8)
    else tiff.writeUInt32LE(value, at + 8)
  })
  tiff.write('SecretPhone\0', 50, 'latin1')
  tiff.write('GPS 39.9042N 116.4074E', 64, 'latin1')
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
}

/** A real JPEG (jpeg-js) with a phone's EXIF, XMP and a comment added after its SOI. */
function phoneJpeg(): Buffer {
  const plain = Buffer.from(jpeg.encode({ data: pixels(), width: WIDTH, height: HEIGHT }, 90).data)
  const xmp = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>王小英 13812345678</x:xmpmeta>', 'utf8')])
  const extra = Buffer.concat([segment(0xe1, phoneExif()), segment(0xe1, xmp), segment(0xfe, Buffer.from('拍摄者：王小英', 'utf8'))])
  return Buffer.concat([plain.subarray(0, 2), extra, plain.subarray(2)])
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0)
  return Buffer.concat([head, body, crc])
}

/** A grey 24×16 PNG with text and EXIF chunks. */
function phonePng(): { bytes: Buffer; pictureChunks: Buffer[] } {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(WIDTH, 0)
  header.writeUInt32BE(HEIGHT, 4)
  header.set([8, 0, 0, 0, 0], 8)
  const rows = Buffer.alloc(HEIGHT * (WIDTH + 1), 0x80)
  for (let y = 0; y < HEIGHT; y++) rows[y * (WIDTH + 1)] = 0
  const ihdr = chunk('IHDR', header)
  const idat = chunk('IDAT', deflateSync(rows))
  const iend = chunk('IEND', Buffer.alloc(0))
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const text = chunk('tEXt', Buffer.from('Author\0王小英', 'utf8'))
  const exif = chunk('eXIf', phoneExif().subarray(6))
  return { bytes: Buffer.concat([signature, ihdr, text, exif, idat, iend]), pictureChunks: [signature, ihdr, idat, iend] }
}

const refusal = (bytes: Buffer) => {
  try {
    cleanImage(bytes)
  } catch (error) {
    return error instanceof BadImage ? error.message : `unexpected ${String(error)}`
  }
  return 'accepted'
}

describe('cleanImage', () => {
  it('drops EXIF (GPS, camera), XMP and comments from a JPEG, keeps it upright, and the picture decodes the same', () => {
    const original = phoneJpeg()
    const clean = cleanImage(original)
    const text = clean.bytes.toString('latin1')
    for (const secret of ['GPS', 'SecretPhone', 'xmpmeta', 'http://ns.adobe.com']) expect(text).not.toContain(secret)
    expect(clean.bytes.toString('utf8')).not.toContain('王小英')
    expect([clean.kind, clean.width, clean.height]).toEqual(['jpg', WIDTH, HEIGHT])
    // Orientation 6 survives alone, in a fresh big-endian EXIF block.
    const app1 = clean.bytes.indexOf(Buffer.from([0xff, 0xe1]))
    expect(clean.bytes.subarray(app1 + 4, app1 + 10).toString('latin1')).toBe('Exif\0\0')
    expect(clean.bytes.readUInt16BE(app1 + 10 + 18)).toBe(6)
    const decoded = jpeg.decode(clean.bytes, { useTArray: true })
    expect(Buffer.from(decoded.data).equals(Buffer.from(jpeg.decode(original, { useTArray: true }).data))).toBe(true)
    expect(cleanImage(clean.bytes).bytes.equals(clean.bytes)).toBe(true)
  })

  it('keeps a PNG picture chunk for chunk and drops its text and EXIF chunks', () => {
    const { bytes, pictureChunks } = phonePng()
    const clean = cleanImage(bytes)
    expect(clean.bytes.equals(Buffer.concat(pictureChunks))).toBe(true)
    expect([clean.kind, clean.width, clean.height]).toEqual(['png', WIDTH, HEIGHT])
  })

  it('keeps nothing that follows the image: a JPEG or PNG with a page appended is stored without it', () => {
    const page = Buffer.from('<html><script>alert(1)</script></html>')
    expect(cleanImage(Buffer.concat([phoneJpeg(), page])).bytes.toString('latin1')).not.toContain('<html>')
    expect(cleanImage(Buffer.concat([phonePng().bytes, page])).bytes.toString('latin1')).not.toContain('<html>')
  })

  it('refuses a truncated, corrupted or disguised file with a message the person can act on', () => {
    const photo = phoneJpeg()
    const { bytes: png } = phonePng()
    const brokenMessage = '照片文件已损坏或不完整，请重新选择'
    expect(refusal(photo.subarray(0, photo.length - 40))).toBe(brokenMessage)
    expect(refusal(Buffer.concat([photo.subarray(0, 3), Buffer.from('<html>not a photo</html>')]))).toBe(brokenMessage)
    expect(refusal(png.subarray(0, png.length - 20))).toBe(brokenMessage)
    const flipped = Buffer.from(png)
    flipped[png.indexOf('IDAT') + 6] ^= 0xff
    expect(refusal(flipped)).toBe(brokenMessage)
    expect(refusal(Buffer.from('GIF89a not really a photo'))).toBe('照片只能是 JPG 或 PNG 图片')
  })

  it('refuses a PNG whose pixels would not fit in memory (a decompression bomb)', () => {
    const header = Buffer.alloc(13)
    header.writeUInt32BE(60000, 0)
    header.writeUInt32BE(60000, 4)
    header.set([8, 6, 0, 0, 0], 8)
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const bomb = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(1024 * 1024))), chunk('IEND', Buffer.alloc(0))])
    expect(refusal(bomb)).toBe('照片尺寸过大，请缩小后再上传')
  })
})
