/** Chinese text of the privacy flow (删除我的信息). */
export const privacyText = {
  /** What personal texts are replaced with. */
  erased: '[已删除]',
  title: '删除个人信息',
  confirm: {
    label: '是否删除',
    prompt:
      '删除后，您在这里留下的个人信息会被清除：称呼、手机号、身份证号、姓名、聊天记录、留言和登记信息里的个人资料。统计数字（比如某村参保人数）会保留，但不再和您有关。已经在医保、人社等部门办结的业务以部门记录为准。\n确定要删除吗？',
    options: ['确认删除', '不删了'] as const,
    yesWords: ['确认删除', '确认', '确定', '删', '删除', '是', '是的', '对', '好', '好的', '可以', '要删'],
    noWords: ['不删了', '不删', '不要', '不用', '否', '不', '不了', '留着', '再想想'],
    invalid: '请回复“确认删除”或“不删了”。',
  },
  kept: '好的，您的信息没有删除。',
  done: '已删除您的个人信息。以后如需办事，重新告诉我就行。感谢您的信任！',
  partly: (errorId: string) => `部分信息没能删除，工作人员会跟进处理（编号 ${errorId}）。已删除的部分不会恢复。`,
  staffFailed: (residentId: number, errorId: string, erasers: readonly string[]) =>
    `【删除个人信息未完成】居民 #${residentId} 的删除请求有部分未完成（${erasers.join('、')}），错误编号 ${errorId}，请技术人员重试。`,
} as const;
