/** Chinese text of the LINE and Messenger channels. */

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** What the LINE and Messenger channels say by themselves, whatever the domain. */
export const bottenderText = {
  /** When someone adds the bot as a friend (LINE follow). */
  welcome: '您好！我是“邻里”小助手。直接发文字给我就行，发“你好”可以看看我能帮您办哪些事。',
  /** Stickers, voice, video, files: things the bot cannot read. */
  unsupported: '抱歉，我暂时只看得懂文字和照片，请用文字或照片告诉我。',
  photoTooLarge: (maxBytes: number) => `照片太大了（超过 ${size(maxBytes)}），请压缩一下或换一张再发。`,
  photoFailed: '照片没有收到，请再发一次试试。',
  /** A message the core refused (too long, nothing in it). */
  invalid: '这条消息没法处理，请说得简短一些（4000 字以内）再发一次。',
} as const;
