/**
 * Saving files residents send (photos) under the data folder, content-addressed: the same
 * photo sent twice is stored once. Shared by every channel.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Attachment } from '../core/types.js';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

/** A file was larger than the configured limit; nothing was written. */
export class AttachmentTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`attachment of ${size} bytes exceeds the ${limit} byte limit`);
    this.name = 'AttachmentTooLargeError';
  }
}

/** The image type of some bytes, from their magic number (not the sender's claim). */
export function sniffImage(bytes: Uint8Array): string | undefined {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'image/gif';
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) return 'image/webp';
  if (b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) return 'image/heic';
  return undefined;
}

/**
 * Save bytes under `<dataDir>/attachments/<aa>/<sha256>.<ext>` and describe them as a core
 * {@link Attachment}. The path is relative to the working directory's data folder as given.
 *
 * ```ts
 * const photo = await saveAttachment({ dataDir: './data', bytes, maxBytes: 5_000_000 });
 * await bot.receive({ channel: 'wechat', userId, messageId, text: '', attachments: [photo] });
 * ```
 *
 * @throws {AttachmentTooLargeError} when the bytes exceed `maxBytes`.
 */
export async function saveAttachment(options: {
  dataDir: string;
  bytes: Uint8Array;
  maxBytes: number;
  kind?: Attachment['kind'];
  mime?: string;
}): Promise<Attachment> {
  const { bytes, maxBytes } = options;
  if (bytes.byteLength > maxBytes) throw new AttachmentTooLargeError(bytes.byteLength, maxBytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const mime = sniffImage(bytes) ?? options.mime;
  const dir = join(options.dataDir, 'attachments', sha256.slice(0, 2));
  const path = join(dir, `${sha256}.${(mime && EXTENSIONS[mime]) ?? 'bin'}`);
  await mkdir(dir, { recursive: true });
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    // Write then rename, so a crash never leaves a half-written file under the final name.
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }
  return {
    kind: options.kind ?? (mime?.startsWith('image/') ? 'image' : 'file'),
    path: relative(process.cwd(), path) || path,
    sha256,
    size: bytes.byteLength,
    ...(mime ? { mime } : {}),
  };
}
