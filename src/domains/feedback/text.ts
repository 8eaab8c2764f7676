/** Chinese text of the feedback (留言) form. */
export const feedbackText = {
  title: '留言',
  intro: '好的，请给街道留言，我会转给工作人员。',
  topic: {
    label: '类别',
    prompt: '请问是哪一类留言？',
    options: ['意见建议', '表扬', '投诉', '咨询', '其他'],
    tooShort: '类别请至少写两个字，或回复数字选择。',
    tooLong: '类别请简短一些（20个字以内）。',
  },
  content: {
    label: '内容',
    prompt: '请说说具体内容：',
    tooShort: '内容有点少，请再多写几句（至少5个字），方便工作人员了解情况。',
    tooLong: '内容太长了，请控制在1000字以内，可以分几次留言。',
  },
  phone: {
    label: '联系电话',
    prompt: '方便的话留个手机号，工作人员可以回电：',
    invalid: '手机号好像不对，请输入11位手机号，比如 13812345678。',
  },
  thanks: (id: number) => `已收到您的留言（编号 #${id}），工作人员会认真处理。谢谢您对街道工作的支持！`,
  staffNotice: (id: number, topic: string, content: string, phone: string | null) =>
    `【新留言 #${id}】${topic}：${content}${phone ? `（电话 ${phone}）` : ''}`,
} as const;
