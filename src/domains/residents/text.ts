/** Chinese text of linking one resident's accounts across platforms. */
export const residentsText = {
  codeIssued: (code: string, minutes: number) =>
    `您的关联码是 ${code}，${minutes}分钟内有效。\n请在另一个平台（微信、Telegram、网页等）上给邻里发送“关联 ${code}”，两边就会是同一个账号，办过的事都能查到。\n如果不是您本人在操作，请忽略这条消息。`,
  linked: '关联成功！这个平台和您之前用的平台现在是同一个账号了。',
  alreadyLinked: '这个关联码就是本账号的，不需要再关联。',
  invalid: '关联码不对或已经过期了。请在原来的平台上发送“关联账号”获取新的关联码（10分钟内有效）。',
  tooManyAttempts: '关联码输错次数太多了，请一小时后再试。',
} as const;
