/**
 * Chinese text of the insurance (城乡居民医保) domain: topic keywords, answers built from the
 * policy figures, the enrolment form, status, staff notices and reminders.
 */
import { shanghaiDate } from '../../nlu/entities/shanghai-time.js';
import type { AgeGroup, PolicyYear, SubsidisedCategory } from './policy.js';

/** The questions residents ask about the insurance, each answered on its own. */
export type InsuranceTopic =
  | 'amount'
  | 'deadline'
  | 'newborn'
  | 'student'
  | 'subsidy'
  | 'nonLocal'
  | 'lapsed'
  | 'payment'
  | 'materials'
  | 'reimbursement';

/**
 * Words that point to a topic, most specific topics first (a newborn's amount is a newborn
 * question; a 低保户's amount is a subsidy question). The menu label of each topic is in the
 * list, so an option sent back verbatim is recognised.
 */
export const topicKeywords: ReadonlyArray<readonly [InsuranceTopic, readonly string[]]> = [
  ['newborn', ['新生儿', '刚出生', '出生', '宝宝', '满月', '婴儿', '新生宝宝']],
  ['lapsed', ['断缴', '断了', '补交', '补缴', '错过', '过了截止', '漏交', '没交上', '停了', '断保', '等待期']],
  ['subsidy', ['低保', '特困', '五保', '低边', '边缘', '残疾', '残疾人', '补助', '资助', '补贴', '减免', '免费', '困难', '优抚', '政府补', '资助政策']],
  ['student', ['学生', '大学', '上学', '学校', '读书', '念书', '中小学', '幼儿园']],
  ['nonLocal', [
    '外地', '外省', '户口不在', '新居民', '居住证', '非本地', '不是本地', '外来', '异地户口', '户籍不在', '老家',
    // “户口在江西”: where Quzhou's newcomers mostly come from.
    '户口在江西', '户口在安徽', '户口在福建', '户口在河南', '户口在湖南', '户口在湖北', '户口在四川', '户口在贵州', '户口在云南', '户口在江苏', '户口在外',
  ]],
  ['reimbursement', ['报销', '报多少', '能报', '住院', '门诊', '看病', '大病', '比例', '起付', '报销政策']],
  ['materials', ['材料', '带什么', '要带', '证件', '户口本', '需要啥', '准备什么', '所需材料']],
  ['payment', ['在哪交', '哪里交', '去哪交', '怎么交', '手机交', '支付宝', '微信', '浙里办', '银行', '网上交', '在哪里交', '代收', '怎么缴', '缴费方式', '缴费渠道']],
  ['deadline', ['截止', '什么时候', '几号', '期限', '时间', '最后一天', '到哪天', '啥时候', '多久', '日期', '几月', '缴费时间']],
  ['amount', ['多少钱', '多少', '交多少', '要交吗', '还要交', '老人', '费用', '价格', '钱', '涨价', '标准', '一年交', '缴费标准', '几百']],
];

/**
 * Words of a question about one's own application (好了没, 进度…). A message the classifier
 * took for insurance.status that names a topic but none of these is a policy question.
 */
export const statusWords = ['好了', '好没', '了没', '进度', '通过', '审核', '结果', '状态', '交上', '成功', '办下来', '到哪', '有消息', '有信', '查', '生效', '退回', '驳回', '回复', '进展', '收到'] as const;

/** Menu labels, one per topic, in the order the menu shows them. */
export const topicLabels: Record<InsuranceTopic, string> = {
  amount: '缴费标准',
  deadline: '缴费时间',
  payment: '在哪交（缴费渠道）',
  materials: '所需材料',
  subsidy: '低保等资助政策',
  newborn: '新生儿参保',
  student: '学生参保',
  nonLocal: '外地户口参保',
  lapsed: '断缴补缴',
  reimbursement: '报销政策',
};

const yuan = (n: number) => `${n}元`;
/** `2026-12-31` → `2026年12月31日`. */
export const cnDate = (d: string) => {
  const [y, m, dd] = d.split('-').map(Number);
  return `${y}年${m}月${dd}日`;
};

const groupLabel: Record<AgeGroup, string> = { minor: '未成年人', adult: '成年人', senior: '老年人' };

/** What each subsidised category pays, e.g. “低保对象：全额资助，个人不用交（带低保证）”. */
function categoryLine(year: PolicyYear, c: SubsidisedCategory): string {
  const share = (full: number) => Math.round((full * (100 - c.subsidyPercent)) / 100);
  const pays =
    c.subsidyPercent === 100
      ? '全额资助，个人不用交'
      : `资助${c.subsidyPercent}%，成年人个人交${yuan(share(year.contributions.adult.amount))}，未成年人交${yuan(share(year.contributions.minor.amount))}`;
  return `· ${c.label}：${pays}（带：${c.proof}）`;
}

export const insuranceText = {
  /** The answer to each topic, from the policy year residents enrol for now. */
  answers: {
    amount: (y: PolicyYear) =>
      `${y.label}城乡居民医保个人缴费标准：\n· ${y.contributions.adult.label}：每人${yuan(y.contributions.adult.amount)}\n· ${y.contributions.minor.label}：每人${yuan(y.contributions.minor.amount)}\n政府另外给每人补助约${yuan(y.governmentSubsidyPerPerson)}。低保、特困、重度残疾等可以享受资助。`,
    deadline: (y: PolicyYear, state: 'open' | 'before' | 'after') =>
      `${y.label}集中参保缴费时间：${cnDate(y.enrolment.start)}至${cnDate(y.enrolment.end)}。` +
      (state === 'open'
        ? '现在正在缴费期内，请在截止日前交好。'
        : state === 'before'
          ? '缴费期还没开始，到时候会提醒您。'
          : '今年的集中缴费期已经结束，错过的可以问问“断缴补缴”。') +
      `\n保障期：${cnDate(y.coverage.start)}至${cnDate(y.coverage.end)}。`,
    payment: (y: PolicyYear) => `可以通过这些渠道交医保：\n${y.paymentChannels.map((c, i) => `${i + 1}. ${c.name}：${c.how}`).join('\n')}`,
    materials: (y: PolicyYear) => `办理参保需要准备：\n${y.materials.map((m) => `· ${m}`).join('\n')}`,
    subsidy: (y: PolicyYear) =>
      `${y.label}这些困难群众参保有资助：\n${y.subsidisedCategories.map((c) => categoryLine(y, c)).join('\n')}\n资助对象名单由民政、残联等部门认定，参保时请带好证件。`,
    newborn: (y: PolicyYear) => `新生儿参保：${y.rules.newborn}\n缴费标准按未成年人，每人${yuan(y.contributions.minor.amount)}。`,
    student: (y: PolicyYear) => `学生参保：${y.rules.student}\n未成年人及在校大学生每人${yuan(y.contributions.minor.amount)}。`,
    nonLocal: (y: PolicyYear) => `外地户口参保：${y.rules.nonLocal}`,
    lapsed: (y: PolicyYear) => `断缴和补缴：${y.rules.lapsed}`,
    reimbursement: (y: PolicyYear) =>
      `报销大致是这样的：\n· ${y.reimbursement.outpatient}\n· ${y.reimbursement.inpatient}\n· ${y.reimbursement.seriousIllness}\n${y.reimbursement.note}`,
  } satisfies Record<InsuranceTopic, (y: PolicyYear, state: 'open' | 'before' | 'after') => string>,
  /** Under every answer with figures while the file holds demo values. */
  demoNotice: (notice: string) => `（${notice}）`,
  menuIntro: '关于城乡居民医保，您想了解哪方面？回复数字即可：',
  moreTopics: '还想了解：',
  enrolOption: '办理参保',
  statusOption: '查办理进度',
  enrolAnother: '继续给家人登记',
  officeHint: (name: string, hours: string) => `也可以到${name}咨询（${hours}）。`,

  /** The enrolment form. */
  form: {
    title: '医保参保登记',
    intro: (year: string) => `好的，帮您登记${year}城乡居民医保。我会一项一项问，信息加密保存，只有医保经办人员能看到。`,
    relation: {
      label: '与您的关系',
      prompt: '请问给谁参保？',
      options: ['本人', '配偶', '子女', '父母', '其他'] as const,
      invalid: '请从下面选一个，回复数字就行。',
      keywords: {
        本人: ['本人', '自己', '我自己', '我'],
        配偶: ['配偶', '老婆', '老公', '爱人', '媳妇', '丈夫', '妻子', '老伴'],
        子女: ['子女', '儿子', '女儿', '孩子', '小孩', '宝宝', '娃', '闺女'],
        父母: ['父母', '爸', '妈', '父亲', '母亲', '老爹', '老娘', '爹', '娘'],
        其他: ['其他', '别人', '孙', '外孙', '婆婆', '公公', '岳', '亲戚', '兄', '弟', '姐', '妹'],
      } as Record<string, readonly string[]>,
    },
    name: {
      label: '姓名',
      prompt: (relation: string) => (relation === '本人' ? '请问您的姓名？（和身份证上一致）' : '请问参保人的姓名？（和身份证上一致）'),
      invalid: '姓名好像不对，请输入身份证上的姓名（2到20个字）。',
    },
    idNumber: {
      label: '身份证号',
      prompt: '请输入参保人的18位身份证号码。',
      problems: {
        format: '身份证号应该是18位（最后一位可能是X），请再核对一下。',
        region: '身份证号开头的地区码不对，请再核对一下前6位。',
        birth_date: '身份证号里的出生日期不对（第7到14位），请再核对一下。',
        checksum: '身份证号校验不通过，可能有一位输错了，请对照身份证再输一遍。',
        legacy_15:
          '这是15位的老身份证号，现在已经不能用来参保了。请先到派出所户籍窗口换领18位身份证（或查看户口簿上的18位号码），再来登记。',
      } as Record<string, string>,
      shown: (masked: string, group: AgeGroup, age: number) => `${masked}（${groupLabel[group]}，${age}岁）`,
    },
    village: {
      label: '户籍所在村社',
      prompt: '参保人户口在哪个村（社区）？',
      invalid: '没认出是哪个村社，请从下面选，或者说村社名称，比如“梅家村”“礼贤社区”。',
    },
    category: {
      label: '参保类别',
      prompt: '参保人属于下面哪一类？普通居民选第1个。',
      none: '普通居民（无资助）',
      /** Words meaning “none of the subsidised categories”. */
      noneWords: ['普通', '无资助', '都没有', '都不是', '一般', '没有资助'],
      invalid: '请从下面选一个类别，回复数字就行。',
      shown: (label: string, proof: string | null) => (proof ? `${label}（请带：${proof}）` : label),
    },
    phone: {
      label: '联系电话',
      prompt: '请留一个手机号，审核结果会通知您，必要时工作人员会打电话。',
      invalid: '手机号好像不对，请输入11位手机号，比如 13812345678。',
    },
  },
  submitted: (id: number, year: string, pays: number, proof: string | null, state: 'open' | 'before' | 'after', end: string) =>
    `已提交参保登记（编号 #${id}，${year}），工作人员审核后会在这里通知您。\n审核通过后个人需缴费 ${yuan(pays)}` +
    (state === 'open' ? `，请在${cnDate(end)}前缴费。` : '。') +
    (proof ? `\n办理时请带上：${proof}。` : '') +
    '\n想看进度，回复“查医保进度”。',
  duplicate: (id: number, masked: string, status: string, date: string) =>
    `身份证号 ${masked} 今年已经登记过了（编号 #${id}，${date}提交，当前状态：${status}），不用重复办理。想看进度请回复“查医保进度”。`,
  staffNew: (id: number, year: string, relation: string, name: string, id18: string, village: string, category: string) =>
    `【医保参保登记 #${id}】${year}，${relation}：${name}，${id18}，${village}，${category}。请在管理后台审核。`,

  /** Status names as residents read them. */
  statusNames: {
    submitted: '已提交，等待审核',
    approved: '审核通过，等待缴费入库',
    returned: '被退回，需要补充材料',
    enrolled: '参保成功',
  } as Record<string, string>,
  status: {
    none: '您还没有通过这里办理过参保登记。需要办理的话，回复“办理参保”。',
    title: '您和家人的参保登记：',
    line: (id: number, year: number, relation: string, name: string, idMasked: string, status: string, date: string, reason: string | null) =>
      `#${id} ${year}年度 ${relation} ${name}（${idMasked}）：${status}，${date}提交${reason ? `\n   退回原因：${reason}` : ''}`,
  },

  /** Notifications when staff change an application. */
  notify: {
    approved: (id: number, name: string, pays: number) =>
      `您提交的医保参保登记 #${id}（${name}）已审核通过。个人需缴费 ${yuan(pays)}，可在浙里办、支付宝或村社代收点缴纳。`,
    returned: (id: number, name: string, reason: string) =>
      `您提交的医保参保登记 #${id}（${name}）被退回，原因：${reason}。请补充后回复“办理参保”重新登记，或到村社便民服务中心办理。`,
    enrolled: (id: number, name: string, year: number) => `好消息：#${id}（${name}）${year}年度城乡居民医保已参保成功！`,
  },

  /** Enrolment reminders. */
  reminder: {
    text: (year: string, end: string, daysLeft: number) =>
      `温馨提醒：${year}城乡居民医保缴费${daysLeft > 0 ? `还有${daysLeft}天截止` : '今天截止'}（${cnDate(end)}）。您家里还没有登记的话，可以在这里办理。`,
    enrolOption: '办理参保',
    optOutOption: '不用提醒医保',
    optedOut: '好的，以后不再提醒您医保缴费的事。想办理时随时说“办理参保”。',
  },
} as const;

/** An instant as a Shanghai calendar day for listings: `2026年11月20日`. */
export const shortDate = (d: Date) => cnDate(shanghaiDate(d));
