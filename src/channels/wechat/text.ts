/**
 * What the WeChat channel says by itself (never the domains' words): polite answers to
 * messages it cannot hand to the pipeline.
 */
import { MAX_TEXT_LENGTH } from '../../core/types.js';

export const wechatText = {
  /** Voice, video, stickers, files, links, cards: the bot reads only words and photos. */
  textOrPhoto: '抱歉，我暂时看不懂这类消息。请发文字或照片给我，比如“我要留言”“楼道里有人飞线充电”。',
  /** A photo over the size limit. */
  photoTooLarge: (limit: string) => `这张图片太大了（超过 ${limit}），请换一张小一点的，或者直接用文字描述。`,
  /** A photo the bot could not download. */
  photoFailed: '图片没有收到，请再发一次，或者直接用文字描述。',
  tooLong: `消息太长了，请控制在 ${MAX_TEXT_LENGTH} 字以内，可以分几次发。`,
  invalid: '这条消息没法处理，请换个说法再发一次。',
  /** Someone @-mentioned the bot in a group without saying anything. */
  emptyMention: (prefix: string) => `您好！请在@我后面写上要办的事，比如“@我 我要留言”，或者用“${prefix}”开头。`,
} as const;

/** What the operator reads in the terminal while logging the bot's account in. */
export const wechatOperatorText = {
  scanHint: (url: string) => `请用机器人使用的微信号扫描上面的二维码登录（Scan with WeChat to log in）。二维码看不清时打开：${url}`,
} as const;
