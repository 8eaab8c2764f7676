/** Chinese text of the feedback (留言) form. */
export const feedbackText = {
  title: '留言',
  intro: '好的，请给街道留言，我会转给工作人员。',
  topic: {
    label: '类别',
    prompt: '请问是哪一类留言？',
    options: ['意见建议', '表扬', '投诉', '咨询', '其他'],
    notAnOption: '请从下面选一个类别，回复数字即可。',
    /** Words that name a category in a resident's own answer. */
    keywords: {
      意见建议: ['意见', '建议', '提议'],
      表扬: ['表扬', '点赞', '感谢', '夸'],
      投诉: ['投诉', '不满意', '差评'],
      咨询: ['咨询', '问问', '请问', '想问'],
      其他: ['其他', '别的'],
    } as Record<string, readonly string[]>,
  },
  content: {
    label: '内容',
    prompt: '请说说具体内容。',
    tooShort: '内容有点少，请再多写几句（至少5个字），方便工作人员了解情况。',
    tooLong: '内容太长了，请控制在1000字以内，可以分几次留言。',
  },
  phone: {
    label: '联系电话',
    prompt: '方便的话留个手机号，工作人员可以回电',
    invalid: '手机号好像不对，请输入11位手机号，比如 13812345678。',
  },
  thanks: (id: number) => `已收到您的留言（编号 #${id}），工作人员会认真处理。谢谢您对街道工作的支持！`,
  staffNotice: (id: number, topic: string, content: string, phone: string | null) =>
    `【新留言 #${id}】${topic}：${content}${phone ? `（电话 ${phone}）` : ''}`,
} as const;
