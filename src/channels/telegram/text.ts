/** Chinese text the Telegram channel says itself, without going through the pipeline. */
import { MAX_TEXT_LENGTH } from '../../core/types.js';

export const telegramText = {
  /** A voice note, sticker, video, file… : the bot reads text, photos and locations only. */
  unsupportedMedia: '抱歉，我暂时只能看懂文字和照片。请打字告诉我，或者发一张照片（用“照片”方式发送，不要用“文件”）。',
  /** A photo over ATTACHMENT_MAX_BYTES. */
  photoTooLarge: (limitMb: string) => `这张照片太大了（超过 ${limitMb} MB），请压缩后再发，或者直接用文字描述。`,
  /** The photo could not be fetched from Telegram. */
  photoFailed: '照片没有收到，请稍后再发一次，或者直接用文字描述。',
  tooLong: `消息太长了，请控制在 ${MAX_TEXT_LENGTH} 字以内，可以分几次发。`,
  invalid: '这条消息没法处理，请换个说法再发一次。',
  /**
   * What a bare command stands for. Telegram opens every new chat with /start; the pipeline
   * speaks Chinese, so the command becomes the words a resident would type.
   */
  commands: { start: '你好', help: '帮助', menu: '菜单' } as Record<string, string>,
  /** A command the bot does not know: show the menu. */
  unknownCommand: '菜单',
} as const;
