/**
 * Fetching a file a resident sent (a photo) from the Bot API: `getFile` names it, then the
 * bytes come from `<apiRoot>/file/bot<token>/<file_path>`. The size limit is enforced before
 * and during the download, so an oversized file is never held in memory whole.
 */
import type { Api } from 'grammy';
import { AttachmentTooLargeError } from '../attachments.js';

export interface FileDownloader {
  /**
   * The bytes of a file by its `file_id`.
   *
   * @throws {AttachmentTooLargeError} when it is (or turns out to be) over `maxBytes`.
   */
  (fileId: string, maxBytes: number): Promise<Uint8Array>;
}

/**
 * A downloader bound to one bot. The token is part of the download URL, so no error message
 * here ever contains the URL.
 *
 * ```ts
 * const download = fileDownloader(grammyBot.api, { apiRoot, token });
 * const bytes = await download(photo.file_id, 5 * 1024 * 1024);
 * ```
 */
export function fileDownloader(api: Api, options: { apiRoot: string; token: string; timeoutMs?: number }): FileDownloader {
  return async (fileId, maxBytes) => {
    const file = await api.getFile(fileId);
    if (file.file_size !== undefined && file.file_size > maxBytes) throw new AttachmentTooLargeError(file.file_size, maxBytes);
    if (!file.file_path) throw new Error('telegram: getFile returned no file_path');
    let response: Response;
    try {
      response = await fetch(`${options.apiRoot}/file/bot${options.token}/${file.file_path}`, {
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new Error(`telegram: file download failed (${(err as Error).name})`);
    }
    if (!response.ok || !response.body) throw new Error(`telegram: file download failed (HTTP ${response.status})`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body.cancel();
      throw new AttachmentTooLargeError(declared, maxBytes);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new AttachmentTooLargeError(size, maxBytes);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  };
}
