/**
 * The web chat's app icon (a white footbridge, a "passerelle", on the header's blue), drawn as
 * a PNG by the Worker itself: no binary file in the repository, no build step. Drawn once per
 * isolate and size, on first request (the manifest names these sizes).
 */

export const ICON_SIZES = [192, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** Bump when the drawing changes: browsers keep an icon for a week. */
const ICON_VERSION = "1";
/** Where the chat Worker serves each size (worker/routes/pwa.tsx), beside its other files. */
export const iconPath = (size: IconSize) => `/assets/icon-${size}.v${ICON_VERSION}.png`;

const BLUE = [0x1f, 0x4e, 0x79] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/** Is (u, v), in 0..1 of the icon, white? Everything stays inside the central 64 %: maskable-safe. */
function isBridge(u: number, y: number): boolean {
  const v = y + 0.06; // the drawing's centre at the icon's
  const deck = v >= 0.6 && v <= 0.66 && u >= 0.18 && u <= 0.82;
  const r = Math.hypot(u - 0.5, (v - 0.63) * 1.25);
  const arch = v < 0.63 && r >= 0.25 && r <= 0.3;
  const inner = v < 0.6 && r < 0.25 && v > 0.63 - 0.25 / 1.25;
  const hanger = inner && [0.36, 0.43, 0.5, 0.57, 0.64].some((x) => Math.abs(u - x) < 0.012);
  const pillar = v > 0.66 && v < 0.78 && (Math.abs(u - 0.24) < 0.025 || Math.abs(u - 0.76) < 0.025);
  return deck || arch || hanger || pillar;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** zlib (RFC 1950), which is what PNG's image data is, through the runtime's CompressionStream. */
async function zlib(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** An RGB PNG of the icon at `size` × `size` pixels. */
export async function drawIcon(size: number): Promise<Uint8Array> {
  const rows = new Uint8Array(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // each row starts with its filter byte (0: none)
    for (let x = 0; x < size; x++) {
      const [r, g, b] = isBridge((x + 0.5) / size, (y + 0.5) / size) ? WHITE : BLUE;
      rows.set([r, g, b], row + 1 + x * 3);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, truecolour, deflate, no filter, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", await zlib(rows)),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}

const drawn = new Map<number, Promise<Uint8Array>>();

/** The icon at `size`, drawn once per isolate. */
export function icon(size: IconSize): Promise<Uint8Array> {
  let png = drawn.get(size);
  if (!png) {
    png = drawIcon(size);
    drawn.set(size, png);
  }
  return png;
}
