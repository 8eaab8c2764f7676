/**
 * The core's own Chinese text: what the runtime says by itself, whatever the domain.
 * Domains keep their text in their own `text.ts`.
 */
export const coreText = {
  apology: (errorId: string) =>
    `抱歉，系统刚才出了点问题，您的消息已记录，我们会尽快处理。如需帮助请联系工作人员，并告知错误编号：${errorId}`,
  pickByNumber: '回复数字即可',
  photosNotShown: (count: number) => `（附照片${count}张，请在管理后台查看）`,
  photoWithoutText: '收到您的图片了。请再用文字说一下是什么事，比如“楼道里有人飞线充电”。',
  locationWithoutText: '收到您的位置了。请再用文字说一下是什么事。',
  form: {
    cancelled: (title: string) => `好的，已取消「${title}」，填写的内容没有保存。`,
    expired: (title: string) => `上次的「${title}」因为太久没有回复，已经自动取消了。`,
    firstStep: '已经是第一步了。',
    retry: (problem: string, prompt: string) => `${problem}\n${prompt}`,
    controlsHint: '（回复“上一步”可返回修改，回复“取消”可退出）',
    optionalHint: '（不想填可回复“跳过”）',
    confirmTitle: (title: string) => `请核对您的「${title}」：`,
    confirmQuestion: '信息无误请回复“确认”，需要修改请回复“修改”，不办了请回复“取消”。',
    confirmOptions: ['确认', '修改', '取消'],
    chooseEdit: '请问要修改哪一项？',
    notAnswered: '（未填写）',
    unknownConfirm: '没听明白。请回复“确认”提交，或“修改”更改，或“取消”退出。',
  },
} as const;

/** Words that always cancel a form in progress. */
export const CANCEL_WORDS = ['取消', '算了', '退出', '不办了', '不弄了', '不填了', '取消吧', '算了吧'];
/** Words that go back one question in a form. */
export const BACK_WORDS = ['上一步', '返回', '上一个', '返回上一步', '回到上一步'];
/** Words that skip an optional question. */
export const SKIP_WORDS = ['跳过', '没有', '无', '不填', '不用了', '不留', '略过'];
/** Words that confirm at a form's confirmation step. */
export const CONFIRM_WORDS = ['确认', '确定', '是', '是的', '对', '对的', '没问题', '提交', '好', '好的', '可以', 'ok', '确认提交', '无误'];
/** Words that ask to change something at a form's confirmation step. */
export const EDIT_WORDS = ['修改', '改', '不对', '改一下', '要改', '更改', '错了'];

/** Normalise a short control answer: strip spaces, punctuation and emoji, lowercase. */
export function normaliseControl(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}]/gu, '');
}
