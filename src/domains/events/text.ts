/** Chinese text of the events domain: listings, sign-ups, reminders, subscriptions, broadcasts. */

/** The tags an event can carry, in the order offered. */
export const EVENT_TAGS = ['亲子', '老年', '非遗', '文艺', '体育', '健康', '节日'] as const;
export type EventTag = (typeof EVENT_TAGS)[number];

/** Words in a resident's question that point at a tag (“适合带小孩的” → 亲子). */
export const TAG_WORDS: Record<EventTag, readonly string[]> = {
  亲子: ['亲子', '小孩', '孩子', '小朋友', '儿童', '带娃', '孙子', '孙女', '外孙', '娃娃', '学生'],
  老年: ['老年', '老人', '老年人', '退休', '长辈', '重阳'],
  非遗: ['非遗', '蛋雕', '传统手艺', '手工艺', '剪纸', '传承'],
  文艺: ['文艺', '唱歌', '音乐', '演出', '婺剧', '越剧', '唱戏', '跳舞', '舞蹈', '节目', '晚会', '电影'],
  体育: ['体育', '运动', '比赛', '健身', '篮球', '乒乓', '拔河', '跑步'],
  健康: ['健康', '义诊', '讲座', '体检', '养生'],
  节日: ['节日'],
};

/** Festival words searched in titles and descriptions (“重阳节有啥活动”). */
export const FESTIVAL_WORDS = ['重阳', '中秋', '端午', '春节', '元宵', '国庆', '元旦', '清明', '除夕', '七夕', '儿童节'] as const;

/** Words that say the resident means events (used to tell “我的报名” apart from job applications). */
export const EVENT_WORDS = ['活动', '礼堂', '演出', '节目', '讲座'];

/** Words that say the resident means job applications. */
export const JOB_WORDS = ['岗位', '工作', '零工', '招聘', '应聘'];

/** “我的报名” and its variants. */
export const MY_SIGNUPS = /我的报名|我报(?:了|的)(?:哪些|什么|啥|几个)|报(?:了|过)(?:哪些|什么|啥)活动|我报名的活动|查(?:一下|下)?报名|报名记录/;

/** Asking to subscribe to notices. Checked before classification; 退订 wins. */
export const SUBSCRIBE = /订阅|(?:开启|恢复|重新接收|接收)(?:活动)?(?:通知|消息|推送)/;
export const NOT_SUBSCRIBE = /退订|退定|取消|退出|不要|别|不想|不再|关闭|停止/;

/** Party size words: how many people come with the resident. */
export const PARTY_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/一家三口/, 3],
  [/一家四口/, 4],
  [/一家五口/, 5],
  [/(?:我|俺)和(?:老伴|老婆|老公|爱人|孙子|孙女|外孙|外孙女|孩子|儿子|女儿|小孩|妈|爸|朋友)/, 2],
  [/(?:带|跟)(?:老伴|孙子|孙女|外孙|孩子|小孩|儿子|女儿)/, 2],
  [/我们俩|俺俩|咱俩|两口子/, 2],
];

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

/** “11月30日（周一）09:30”, in Shanghai time. */
export function when(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（周${WEEKDAY[d.getUTCDay()]}）${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** “09:30”, Shanghai time. */
export function clock(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The facts of an event a reply shows. */
export interface EventFacts {
  id: number;
  title: string;
  description: string;
  hallName: string;
  startsAt: Date;
  endsAt: Date;
  signupDeadline: Date;
  tags: string[];
  placesLeft: number;
  waitlisted: number;
}

export const eventsText = {
  list: {
    header: (n: number, what: string) => `为您找到${n}场${what}活动：`,
    anyWhat: '近期',
    line: (i: number, e: EventFacts) =>
      `${i}. ${e.title}\n   ${when(e.startsAt)} · ${e.hallName} · ${e.placesLeft > 0 ? `余${e.placesLeft}个名额` : '已满，可排队候补'}`,
    footer: '回复数字看详情、报名。',
    none: (what: string) => `暂时没有${what}活动。有新活动时我会第一时间告诉订阅通知的居民，回复“订阅”即可。`,
    noneButOthers: (what: string) => `暂时没有${what}活动，看看近期的其他活动：`,
    more: (n: number) => `（另有${n}场，说得具体些能帮您找得更准，比如“这周末”“亲子”“五湖村”。）`,
    option: (e: EventFacts) => `${e.title}（${when(e.startsAt).replace(/（.*$/, '')}）`,
    tagWhat: (tag: string) => `「${tag}」`,
    dateWhat: '这段时间的',
    villageWhat: (name: string) => `${name}的`,
    keywordWhat: (word: string) => `${word}相关的`,
  },
  detail: (e: EventFacts) =>
    [
      `【${e.title}】`,
      e.description,
      `时间：${when(e.startsAt)}—${clock(e.endsAt)}`,
      `地点：${e.hallName}`,
      e.tags.length ? `适合：${e.tags.join('、')}` : '',
      `报名截止：${when(e.signupDeadline)}`,
      e.placesLeft > 0 ? `剩余名额：${e.placesLeft}` : `名额已满，目前${e.waitlisted}组在候补，可以排队候补。`,
    ]
      .filter(Boolean)
      .join('\n'),
  signUpOption: '我要报名',
  signUpTwoOption: '报名2人',
  otherEventsOption: '看看别的活动',
  signup: {
    confirmed: (title: string, start: Date, hall: string, party: number, code: string) =>
      `报名成功！「${title}」${when(start)}，${hall}，共${party}人。\n签到码：${code}（到场时出示给工作人员）。活动前一天会提醒您；不能来了请说“取消报名”，把名额让给别人。`,
    waitlisted: (title: string, party: number, position: number) =>
      `「${title}」名额已满，已为您${party}人排上候补（第${position}位）。有人取消时按顺序递补，递补成功会马上通知您。`,
    already: (title: string, status: string, code: string) =>
      `您已经报过「${title}」了（${status === 'confirmed' ? '已确认' : '候补中'}，签到码 ${code}），不用重复报名。要改人数请先取消再重新报名。`,
    closed: (title: string) => `抱歉，「${title}」的报名已经截止了。看看其他活动吧：`,
    notOpen: (title: string) => `抱歉，「${title}」已取消或已结束，不能报名了。`,
    tooLarge: (max: number) => `一次最多可以报${max}人，人再多请联系文化礼堂管理员。`,
    overCapacity: (title: string, capacity: number) => `「${title}」一共只有${capacity}个名额，报不下这么多人，可以少报几位。`,
    which: '您想报哪一场？回复数字即可：',
    unknownEvent: '没找到这个活动，可能已经结束了。看看近期的活动：',
    partyNote: (n: number) => (n > 1 ? `（按${n}人报名）` : ''),
    statusName: { confirmed: '已确认', waitlisted: '候补中', cancelled: '已取消' } as Record<string, string>,
  },
  cancel: {
    none: '您目前没有报名的活动，不需要取消。',
    which: '您想取消哪一场的报名？',
    confirm: (title: string, start: Date) => `确定取消「${title}」（${when(start)}）的报名吗？`,
    yesOption: '确认取消报名',
    noOption: '不取消了',
    done: (title: string) => `已取消「${title}」的报名，名额已经让给候补的居民。欢迎下次再来！`,
    tooLate: (title: string) => `「${title}」已经开始或结束了，不能再取消。`,
    kept: '好的，报名保留。',
    optionLabel: (title: string, start: Date) => `取消：${title}（${when(start).replace(/（.*$/, '')}）`,
  },
  mine: {
    none: '您还没有报名任何活动。说“最近有什么活动”看看吧。',
    header: '您报名的活动：',
    line: (i: number, title: string, start: Date, party: number, status: string, code: string) =>
      `${i}. ${title} · ${when(start)} · ${party}人 · ${status}${status === '已确认' ? ` · 签到码 ${code}` : ''}`,
    footer: '不能去了请说“取消报名”。',
    whichKind: '您想看哪一种报名？',
    eventsOption: '我的活动报名',
    jobsOption: '我的岗位报名',
  },
  promoted: (title: string, start: Date, hall: string, party: number, code: string) =>
    `好消息！「${title}」有名额空出来了，您的候补已转为正式报名（${party}人）。\n时间：${when(start)}，地点：${hall}，签到码：${code}。不能去了请说“取消报名”。`,
  reminder: (title: string, start: Date, hall: string, party: number, code: string) =>
    `温馨提醒：您报名的「${title}」将于${when(start)}在${hall}举行（${party}人），签到码 ${code}。不能去了请说“取消报名”，把名额让给别人。`,
  subscription: {
    subscribed: '已为您订阅街道活动和通知，有新活动会第一时间告诉您。不想再收时回复“退订”。',
    alreadySubscribed: '您已经订阅了活动通知，有新消息会告诉您。',
    unsubscribed: '已为您退订，今后不再给您群发活动和通知（您自己报名的活动提醒照常发送）。想再收时回复“订阅”。',
    alreadyUnsubscribed: '您目前没有订阅通知，不会收到群发消息。想收时回复“订阅”。',
  },
  broadcast: {
    footer: '（回复“退订”不再接收通知）',
    eventLine: (title: string, start: Date, hall: string) => `活动：「${title}」${when(start)}，${hall}。回复“报名${title}”即可报名。`,
    report: (id: number, total: number, sent: number, failed: number) =>
      `【群发 #${id} 已完成】共${total}人，送达${sent}人${failed ? `，${failed}人发送失败` : ''}。`,
  },
} as const;

/** Problems a sign-up can run into, as the service reports them. */
export type SignupProblem = 'not-found' | 'not-open' | 'closed' | 'already' | 'too-large' | 'over-capacity';
