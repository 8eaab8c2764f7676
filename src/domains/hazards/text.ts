/** Chinese text of the hazard reports (随手拍): the form, staff commands, notices, progress. */
import type { UrgentKind } from '../../nlu/urgent-words.js';

/** Status names as residents and staff read them. */
export const statusNames: Record<string, string> = {
  submitted: '已提交，等待网格员受理',
  acknowledged: '网格员已受理',
  in_progress: '正在处理',
  resolved: '已办结',
  rejected: '已退回',
  duplicate: '重复反映，已合并',
};

/** Timeline step names. */
export const stepNames: Record<string, string> = {
  submitted: '提交',
  acknowledged: '受理',
  in_progress: '开始处理',
  resolved: '办结',
  rejected: '退回',
  duplicate: '合并为重复',
  transferred: '转派',
  escalated: '超时督办',
  rated: '评价',
};

const urgentCalls: Record<UrgentKind, string> = {
  fire: '有火情请立即拨打火警 119，先撤离到安全的地方，不要乘电梯！',
  gas: '闻到燃气味请立即关闭阀门、打开门窗，不要开关电器、不要打电话在屋里打，到室外拨打 119！',
  trapped: '有人被困请立即拨打 119（电梯困人也可拨打电梯内的救援电话），有人受伤拨打 120！',
  electric: '有触电危险请远离电线和积水，不要用手碰触电的人，立即拨打 119 或 120（供电抢修 95598）！',
  water: '有人落水请立即拨打 110 和 120，不会游泳不要下水，可以扔绳子、竹竿等！',
  other: '情况危急请立即拨打：火警 119，报警 110，急救 120！',
};

export const hazardsText = {
  title: '随手拍',
  intro: '好的，我来帮您登记“随手拍”，会马上转给所在网格的网格员。',
  /** The immediate answer to an urgent report, before anything else. */
  urgent: (kind: UrgentKind) => `⚠️ ${urgentCalls[kind]}\n确保安全后，请继续告诉我具体情况，我们会马上通知网格员，并标记为紧急。`,
  urgentDuringForm: (kind: UrgentKind) => `⚠️ ${urgentCalls[kind]}\n这条随手拍已标记为紧急，我们会马上通知网格员。`,
  urgentOtherForm: (kind: UrgentKind) => `⚠️ ${urgentCalls[kind]}\n确保安全后，可以回复“随手拍”登记情况，我们会通知网格员。`,
  category: {
    label: '类别',
    prompt: '请问是哪一类问题？',
    notAnOption: '请从下面选一个类别，回复数字即可。',
  },
  description: {
    label: '情况',
    prompt: '请说说具体是什么情况？',
    tooShort: '说得有点简单，请再多写几个字，比如“3号楼楼道里有电动车在充电”。',
    tooLong: (max: number) => `内容太长了，请控制在${max}字以内，说清楚主要情况就行。`,
    tooLongFirst: (max: number) => `您说的内容超过了${max}字，请简要说一下主要情况。`,
  },
  place: {
    label: '村社',
    prompt: '在哪个村或社区？也可以直接发送位置。',
    other: '其他地方',
    notFound: '没找到这个村或社区，请从下面选一个（回复数字），或者发送位置。',
    location: (lat: number, long: number) => `已发送的位置（${lat.toFixed(5)}, ${long.toFixed(5)}）`,
    unplaced: '街道范围内其他地方',
  },
  address: {
    label: '具体位置',
    prompt: '具体在哪儿？比如几组几号、哪栋楼、哪个路口。',
    tooShort: '位置说得再具体一点，比如“3组15号门口”“2栋1单元楼道”。',
    tooLong: '具体位置请控制在100字以内。',
  },
  photos: {
    label: '照片',
    prompt: '有照片的话请直接发过来（最多3张），发完回复“好了”；没有照片回复“没有”。',
    received: (count: number) => `收到第${count}张照片。${count < 3 ? `还可以再发${3 - count}张，` : ''}发完请回复“好了”。`,
    tooMany: (had: number) => `最多只能发3张照片，这次的照片没有收下（已收到${had}张）。请回复“好了”继续。`,
    waiting: '请发照片，或者回复“好了”继续（没有照片回复“没有”）。',
    none: '无',
    count: (n: number) => `${n}张`,
    photoInOtherStep: (count: number) => `收到照片（共${count}张）。`,
  },
  anonymous: {
    label: '是否匿名',
    prompt: '要匿名反映吗？匿名的话网格员看不到您的称呼，处理进度仍会在这里告诉您。',
    options: ['实名', '匿名'],
    yes: '匿名',
    no: '实名',
    notAnOption: '请回复“实名”或“匿名”。',
  },
  submitted: (code: string, grid: string, urgent: boolean, ackHint: string) =>
    `已提交，编号 #${code}。${urgent ? '已标记为紧急，' : ''}已转给「${grid}」的网格员，${ackHint}。\n想问进度可以说“我反映的问题怎么样了”。`,
  ackHint: (urgent: boolean, minutes: number, hours: number) =>
    urgent ? `${minutes}分钟内没人受理会自动上报` : `一般${hours}小时内受理`,
  alreadySubmitted: (code: string) => `您刚才已经反映过同样的问题（编号 #${code}），不用重复提交，网格员会处理的。`,

  // Staff (网格员) side.
  staffNotice: (r: {
    code: string;
    urgent: boolean;
    category: string;
    place: string;
    description: string;
    photos: number;
    reporter: string;
  }) =>
    [
      `【随手拍 #${r.code}】${r.urgent ? '🔴紧急｜' : ''}${r.category}`,
      `地点：${r.place}`,
      `情况：${r.description}`,
      `照片：${r.photos > 0 ? `${r.photos}张` : '无'}　反映人：${r.reporter}`,
      `回复“受理 #${r.code}”接单；“办结 #${r.code} 处理结果”；“退回 #${r.code} 原因”；“转派 #${r.code} 网格名”。`,
    ].join('\n'),
  anonymousReporter: '匿名',
  unnamedReporter: '一位居民',
  open311Reporter: '第三方平台',
  transferredNotice: (from: string) => `（由「${from}」转派）`,
  escalationNotice: (level: 1 | 2, code: string, grid: string, waited: string, summary: string) =>
    `【督办】随手拍 #${code} 已${waited}无人受理（${grid}）。${level === 1 ? '请网格长督促处理' : '请值班室协调处理'}。\n${summary}`,
  waitedMinutes: (m: number) => (m >= 60 ? `${Math.round((m / 60) * 10) / 10}小时` : `${Math.round(m)}分钟`),
  escalationNote: (level: 1 | 2, who: string) => (level === 1 ? `超时未受理，已上报网格长${who}` : `超时未受理，已上报${who}`),

  staff: {
    notStaff: '这个指令只有网格员和街道工作人员可以用。如需反映问题，直接说情况就行。',
    notFound: (code: string) => `没有找到编号 #${code} 的问题，请核对编号（比如 #A2B3C）。`,
    notYourGrid: (code: string, grid: string) => `#${code} 由「${grid}」负责，不在您的网格，不能操作。需要转派请联系该网格或值班室。`,
    closed: (code: string, status: string) => `#${code} 已经是“${status}”状态，不能再操作。`,
    already: (code: string, status: string) => `#${code} 已经是“${status}”了。`,
    noteRequired: {
      resolve: (code: string) => `请写上处理结果，例如：办结 #${code} 已清理楼道杂物`,
      reject: (code: string) => `请写上退回原因，例如：退回 #${code} 不属于本街道管辖`,
      transfer: (code: string) => `请写上转给哪个网格，例如：转派 #${code} 五湖村第2网格`,
      duplicate: (code: string) => `请写上与哪个编号重复，例如：重复 #${code} #A2B3C`,
    },
    gridNotFound: (words: string) => `没找到“${words}”这个网格，请写网格全名，比如“五湖村第2网格”，或“值班室”。`,
    chooseGrid: '这个村社有几个网格，请选一个：',
    sameGrid: (grid: string) => `已经在「${grid}」了，不用转派。`,
    duplicateTargetMissing: (code: string) => `没有找到编号 #${code}，请核对重复的编号。`,
    done: {
      acknowledge: (code: string) => `已受理 #${code}，已通知反映人。处理完请回复“办结 #${code} 处理结果”。`,
      start: (code: string) => `#${code} 已标记为正在处理，已通知反映人。`,
      resolve: (code: string) => `#${code} 已办结，已通知反映人。辛苦了！`,
      reject: (code: string) => `#${code} 已退回，已把原因告诉反映人。`,
      duplicate: (code: string, of: string) => `#${code} 已合并到 #${of}，已通知反映人。`,
      transfer: (code: string, grid: string) => `#${code} 已转派给「${grid}」，已通知对方网格员和反映人。`,
    },
    groupEcho: (who: string, what: string) => `${who}：${what}`,
  },

  // What the reporter is told at each step.
  reporter: {
    acknowledge: (code: string, grid: string) => `您反映的问题 #${code} 已由「${grid}」受理，网格员会尽快处理。`,
    start: (code: string) => `您反映的问题 #${code} 网格员正在处理中。`,
    resolve: (code: string, note: string) =>
      `您反映的问题 #${code} 已办结：${note}\n请为这次处理打个分（1–5分，5分最满意），回复“评价 5”这样就行。`,
    reject: (code: string, note: string) => `您反映的问题 #${code} 被退回，原因：${note}\n有疑问可以回复“转人工”。`,
    duplicate: (code: string, of: string) => `您反映的问题 #${code} 和 #${of} 是同一件事，已合并处理，进度请看 #${of}。`,
    transfer: (code: string, grid: string) => `您反映的问题 #${code} 已转给「${grid}」处理。`,
  },

  // Binding a staff member's chat identity.
  bind: {
    ok: (name: string, grid: string) => `绑定成功！您是「${grid}」的网格员${name}，本网格的随手拍会发到这里。`,
    invalid: '绑定码不对或已经过期，请向街道管理员重新要一个。',
    tooManyAttempts: '绑定码输错次数太多了，请一小时后再试。',
    issued: (code: string, name: string, hours: number) => `网格员${name}的绑定码是 ${code}，${hours}小时内有效。请让本人在聊天里发送“绑定 ${code}”。`,
    workerNotFound: (key: string) => `没有找到网格员“${key}”，请用 seed/grids.json 里的编号，比如 wuhu-1-leader。`,
    adminOnly: '只有街道管理员可以发绑定码。',
  },

  // Progress (report.status) and rating.
  progress: {
    none: '您还没有反映过问题。想反映的话，直接说情况就行，比如“五湖村路口的路灯坏了”。',
    listTitle: '您反映过的问题：',
    item: (code: string, category: string, place: string, status: string, date: string) => `#${code} ${category}·${place}：${status}（${date}）`,
    timelineTitle: (code: string) => `#${code} 的处理经过：`,
    step: (time: string, step: string, note: string | null) => `${time} ${step}${note ? `：${note}` : ''}`,
    more: '想看某一条的详细经过，回复“进度 #编号”。',
    notYours: (code: string) => `没有找到您反映的 #${code}，请核对编号。`,
    rated: (score: number) => `评价：${score}分`,
  },
  rating: {
    thanks: (code: string, score: number) => `谢谢您的评价（#${code}，${score}分）！${score <= 2 ? '我们会把您的意见转给街道，改进工作。' : ''}`,
    none: '您目前没有可以评价的问题。问题办结后才能评价。',
    notResolved: (code: string) => `#${code} 还没有办结，办结后才能评价。`,
    already: (code: string) => `#${code} 已经评价过了，谢谢！`,
    range: '请打1到5分，比如“评价 5”。',
  },
  timeFormat: (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
  dateFormat: (d: Date) => d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }),
  /** Open311 service_notice. */
  open311Notice: (grid: string, hours: number) => `已转给「${grid}」，一般${hours}小时内受理。`,
} as const;

/** Words that finish sending photos (or say there are none). */
export const PHOTOS_DONE_WORDS = ['好了', '好', '发完了', '完了', '没了', '没有了', '就这些', '没有', '无', '没有照片', '没照片', '不发了', '不用了', '跳过', 'ok', '可以了', '行了', '好的'];
