/** Chinese text of the gig-work hub (零工之家): search, applications, registration, recommendations, labour rights. */

const UNIT_NAMES = { hour: '小时', day: '天', month: '月', piece: '件' } as const;

/** How a posting's pay reads: 200元/天, 4500-6000元/月, 面议. */
export function payText(p: { payAmount: number | null; payMax: number | null; payUnit: string | null }): string {
  if (p.payAmount === null) return '面议';
  const unit = UNIT_NAMES[p.payUnit as keyof typeof UNIT_NAMES] ?? '';
  const amount = p.payMax !== null && p.payMax !== p.payAmount ? `${p.payAmount}-${p.payMax}` : `${p.payAmount}`;
  return `${amount}元${unit ? `/${unit}` : ''}`;
}

/** A date as residents read it: 12月3日. */
export const dayText = (d: { month: number; day: number }): string => `${d.month}月${d.day}日`;

export const jobsText = {
  search: {
    header: (total: number, page: number, pages: number, summary: string) =>
      `${summary ? `按“${summary}”` : ''}为您找到 ${total} 个岗位${pages > 1 ? `（第${page}/${pages}页）` : ''}：`,
    line: (n: number, title: string, employer: string, place: string, pay: string, tags: string) =>
      `${n}. ${title}｜${employer}｜${place}｜${pay}${tags ? `｜${tags}` : ''}`,
    footer: '回复序号看详情，说“报名第2个”直接报名，回复“下一页”看更多。',
    lastPageFooter: '回复序号看详情，说“报名第2个”直接报名。',
    nextPage: '下一页',
    noMorePages: '已经是最后一页了。想换个条件找，直接告诉我，比如“五湖村的保洁”。',
    noList: '您还没有查过岗位。直接说想找什么活就行，比如“附近有没有日结的保洁”。',
    nothing: (summary: string) =>
      `暂时没有找到${summary ? `符合“${summary}”的` : ''}在招岗位。您可以换个条件看看，或者登记求职信息，有合适的活我会第一时间通知您。`,
    alternativesTitle: '可以试试：',
    allJobs: '看看全部岗位',
    registerOption: '登记求职，有活通知我',
    otherCategory: (c: string) => `看看${c}`,
    tagDayWork: '日结',
    tagPartTime: '兼职',
    anywhere: '街道内',
    age: (lo: number, hi: number) => (lo === hi ? `${lo}岁` : `${lo}-${hi}岁`),
    payAtLeast: (amount: number, unit: string) => `${amount}元/${UNIT_NAMES[unit as keyof typeof UNIT_NAMES] ?? unit}以上`,
  },
  detail: {
    body: (p: {
      title: string;
      employer: string;
      category: string;
      place: string;
      pay: string;
      headcount: number;
      age: string | null;
      skills: string;
      certificates: string;
      perks: string;
      description: string;
      validUntil: string;
      tags: string;
    }) =>
      [
        `【${p.title}】${p.employer}`,
        `类别：${p.category}${p.tags ? `（${p.tags}）` : ''}`,
        `地点：${p.place}`,
        `工资：${p.pay}`,
        `招聘人数：${p.headcount}人`,
        p.age ? `年龄要求：${p.age}` : '',
        p.skills ? `技能要求：${p.skills}` : '',
        p.certificates ? `证书要求：${p.certificates}` : '',
        p.perks ? `福利：${p.perks}` : '',
        p.description ? `说明：${p.description}` : '',
        `报名截止：${p.validUntil}`,
      ]
        .filter(Boolean)
        .join('\n'),
    applyOption: '我要报名',
    backOption: '返回列表',
    gone: '这个岗位已经招满或过期了，看看别的吧。',
    notOnPage: (n: number, size: number) => `这一页只有 ${size} 个岗位，没有第${n}个。请回复 1 到 ${size} 之间的数字。`,
    ageRange: (min: number | null, max: number | null) =>
      min !== null && max !== null ? `${min}-${max}岁` : min !== null ? `${min}岁以上` : max !== null ? `${max}岁以下` : null,
  },
  apply: {
    which: '请问您要报名哪一个？回复“报名第几个”，比如“报名第2个”。',
    noList: '请先找一找岗位，看到合适的再说“报名第几个”。比如说“附近有没有保洁的活”。',
    done: (title: string, employer: string) =>
      `报名成功！您报名了「${title}」（${employer}）。零工之家工作人员会尽快和您联系，请留意电话和消息。`,
    registerHint: '您还没有登记求职信息，登记后工作人员更容易联系到您。说“登记求职”就能登记。',
    already: (title: string, date: string) => `您在${date}已经报名过「${title}」了，不用重复报名，工作人员会联系您的。`,
    closed: '这个岗位已经招满或过期了，不能再报名了。看看别的岗位吧。',
    staffNotice: (id: number, title: string, employer: string, who: string, phone: string | null, contact: string) =>
      `【岗位报名 #${id}】${who}${phone ? `（${phone}）` : '（未登记求职信息，可在对话中联系）'}报名了「${title}」，用工单位：${employer}${contact ? `，单位联系方式：${contact}` : ''}。`,
    anonymous: '一位居民',
  },
  mine: {
    title: '您报名的工作：',
    line: (n: number, title: string, employer: string, date: string, status: string) => `${n}. ${title}（${employer}）｜${date}报名｜${status}`,
    none: '您还没有报名过工作。想找活可以直接说，比如“附近有没有日结的保洁”。',
    status: { submitted: '已报名，等待联系', contacted: '已联系', hired: '已录用', rejected: '未录用', withdrawn: '已取消' } as Record<string, string>,
    ambiguous: '请问您想查哪一种报名？',
    jobsOption: '我报名的工作',
    eventsOption: '我报名的活动',
  },
  register: {
    title: '求职登记',
    intro: '好的，我来帮您做求职登记，有合适的活会通知您。一共几个问题。',
    editIntro: '这是您登记的求职信息，可以说“修改电话”等改某一项，没问题就回复“确认”。',
    name: { label: '姓名', prompt: '请问您怎么称呼？（姓名）', invalid: '请告诉我您的姓名，2到20个字。' },
    phone: { label: '手机号', prompt: '请留一个手机号，方便工作人员联系您。', invalid: '手机号好像不对，请输入11位手机号，比如 13812345678。' },
    skills: {
      label: '技能',
      prompt: '您会哪些技能？可以选，也可以直接说，多个用顿号隔开（比如“叉车、电工证”）；没有就说“没有”。',
      options: ['叉车', '电工', '电焊', '驾驶', '做饭', '护理', '泥瓦', '木工', '没有'],
      none: '没有',
      invalid: '请说说您会的技能，没有的话回复“没有”。',
    },
    categories: {
      label: '想做的工作',
      prompt: '您想找哪类工作？可以说多个，比如“保洁、保安”；什么都行就说“都行”。',
      invalid: '没听明白想做哪类工作，请从下面选，或者说“都行”。',
      any: '都行',
    },
    areas: {
      label: '工作地点',
      prompt: '希望在哪个村社附近干活？可以说多个，比如“五湖村、南村”；哪里都行就说“都行”。',
      invalid: '没找到这个村社。请说街道里的村社名字，比如“五湖村”“双水桥”，或者说“都行”。',
      any: '都行',
    },
    availability: {
      label: '时间安排',
      prompt: '您想找哪种时间的活？',
      options: ['全职长期', '日结/临时', '兼职（半天、钟点）', '都可以'],
      invalid: '请从下面选一个，回复数字即可。',
    },
    notify: {
      label: '接收推荐',
      prompt: '有合适的新岗位，要不要发消息通知您？',
      options: ['要，有合适的通知我', '不用'],
      invalid: '请回复“要”或“不用”。',
      yes: '接收',
      no: '不接收',
    },
    anywhere: '都行',
    none: '无',
    saved: (phone: string, notify: boolean) =>
      `求职登记好了！联系电话 ${phone}。${notify ? '有合适的新岗位我会通知您（每天不超过几条，回复“停止推荐”可以随时关掉）。' : '您选择了不接收推荐，想找活随时问我。'}以后想修改，说“修改求职登记”就行。`,
    updated: (phone: string) => `求职信息已更新，联系电话 ${phone}。`,
  },
  recommend: {
    message: (title: string, employer: string, place: string, pay: string, reason: string) =>
      `【零工之家·岗位推荐】${title}｜${employer}｜${place}｜${pay}\n因为您登记了：${reason}。\n想了解或报名，回复“找工作”搜一搜；不想再收到推荐，回复“停止推荐”。`,
    stopped: '好的，已停止给您推送岗位推荐。想重新接收，说“修改求职登记”就能打开。',
    notRegistered: '您目前没有接收岗位推荐，不会再收到推送。',
  },
  labor: {
    offer: '如果需要，我可以把您的情况登记下来，转给零工之家的工作人员跟进。',
    registerOption: '登记维权求助',
    noOption: '先不用',
    no: '好的。需要帮助随时找我，也可以直接拨打 12333。',
    title: '劳动维权求助',
    what: { label: '遇到的问题', prompt: '请说说遇到了什么问题（比如拖欠工资多久、多少钱，什么时候在哪里干的活）。', tooShort: '请再多说几句，至少5个字，方便工作人员了解情况。', tooLong: '内容太长了，请控制在1000字以内。' },
    employer: { label: '用工单位或老板', prompt: '是哪个单位或哪个老板？', invalid: '请写单位或老板的名字，100字以内。' },
    phone: { label: '联系电话', prompt: '留一个手机号，方便工作人员回电', invalid: '手机号好像不对，请输入11位手机号，比如 13812345678。' },
    saved: (id: number) => `已为您登记维权求助（案件号 #${id}），零工之家工作人员会尽快联系您，处理结果也会在这里告诉您。`,
    staffNotice: (id: number, who: string, what: string, employer: string | null, phone: string | null) =>
      `【劳动维权 #${id}】${who}${phone ? `（${phone}）` : ''}：${what}${employer ? `\n用工单位：${employer}` : ''}\n回复居民请发：回复 #${id} 您要说的话`,
    reply: (id: number, text: string) => `【零工之家回复·维权案件 #${id}】${text}`,
    replySent: (id: number) => `已把回复发给案件 #${id} 的居民。`,
    noCase: (id: number) => `没有找到案件 #${id}，请核对案件号。`,
    replyEmpty: '回复内容不能为空，格式：回复 #案件号 内容',
    notStaff: '只有零工之家工作人员可以回复维权案件。',
  },
  importErrors: {
    externalId: '缺少岗位编号（或超过64个字符）',
    employer: '缺少用工单位',
    title: '缺少岗位名称（或超过60个字）',
    category: '岗位类别不认识，请用：保洁、保安、普工、叉车、餐饮服务、家政、搬运装卸、电工/水电、建筑/泥瓦、农业/采摘、快递分拣、养老护理、司机、仓管/理货、电焊/机修',
    description: '岗位描述太长（最多2000字）',
    village: '村社名称不在本街道的村社名单里',
    pay: '薪资应是正数',
    payUnit: '写了薪资就要写计薪方式：时/天/月/件',
    payRange: '薪资上限不能低于薪资下限',
    headcount: '招聘人数应是正整数',
    age: '年龄应是整数',
    ageRange: '年龄下限不能高于年龄上限',
    postedAt: '发布日期格式不对，应为 2026-11-20',
    validUntil: '有效期格式不对，应为 2026-12-20',
    dates: '有效期不能早于发布日期',
    status: '状态应为：招聘中、已招满、已过期',
    unknown: '这一行数据不对',
    duplicate: (line: number) => `岗位编号与第${line}行重复`,
  },
} as const;
