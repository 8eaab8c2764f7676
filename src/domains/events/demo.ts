/**
 * Demo events: the 2023 report's events (重阳 egg-carving heritage workshop, village music
 * night…) and a few more, placed in the coming weeks relative to the demo's `now`, plus two
 * past events with anonymous sign-ups and check-ins so the statistics have something to show.
 */
import type { DemoSeeder } from '../../demo/seed.js';
import { addDays, instantOf, shanghaiDate, shanghaiIso } from '../../nlu/entities/shanghai-time.js';
import type { EventTag } from './text.js';

interface DemoEvent {
  title: string;
  description: string;
  hallId: string;
  /** Days from today (Shanghai); `sat` = the coming Saturday plus this many weeks. */
  day: number | { sat: number };
  from: string;
  to: string;
  capacity: number;
  tags: EventTag[];
  /** Past events: sign-ups and how many of them came. */
  held?: { signups: number; checkedIn: number };
}

const EVENTS: DemoEvent[] = [
  { title: '爱满情浓重阳 非遗蛋雕传承', description: '重阳敬老，非遗传承人现场教蛋雕，材料免费提供，祖孙同来更有意义。', hallId: 'bingang-hall', day: 5, from: '09:00', to: '11:30', capacity: 35, tags: ['非遗', '老年', '亲子', '节日'] },
  { title: '乡村音乐唱想生活', description: '村民乐队和民谣歌手的露天音乐会，欢迎报名上台唱一首。', hallId: 'wangcun-hall', day: { sat: 0 }, from: '19:00', to: '21:00', capacity: 80, tags: ['文艺'] },
  { title: '亲子手工：剪纸迎新春', description: '家长带孩子一起学剪纸、写福字，适合5到12岁的小朋友。', hallId: 'meijia-hall', day: { sat: 1 }, from: '14:00', to: '16:00', capacity: 30, tags: ['亲子', '非遗'] },
  { title: '老年智能手机课堂', description: '志愿者手把手教老人用微信视频、扫码、查医保。', hallId: 'wuhu-hall', day: 3, from: '09:30', to: '11:00', capacity: 25, tags: ['老年'] },
  { title: '婺剧折子戏专场', description: '衢州本地婺剧团演出经典折子戏。', hallId: 'bingang-hall', day: 12, from: '19:00', to: '21:30', capacity: 120, tags: ['文艺', '老年'] },
  { title: '村民趣味运动会', description: '拔河、托球跑、套圈，以村为单位组队参赛。', hallId: 'wangcun-hall', day: { sat: 2 }, from: '08:30', to: '11:30', capacity: 60, tags: ['体育', '亲子'] },
  { title: '健康义诊与养生讲座', description: '社区卫生服务中心医生量血压、测血糖，讲冬季养生。', hallId: 'meijia-hall', day: 9, from: '08:30', to: '11:00', capacity: 50, tags: ['健康', '老年'] },
  { title: '重阳登高健步走', description: '沿乌溪江绿道健步走，终点有敬老茶话会。', hallId: 'wuhu-hall', day: -40, from: '08:00', to: '10:30', capacity: 40, tags: ['体育', '老年', '节日'], held: { signups: 34, checkedIn: 30 } },
  { title: '露天电影进礼堂', description: '放映国产经典影片，现场有爆米花。', hallId: 'bingang-hall', day: -20, from: '18:30', to: '20:30', capacity: 60, tags: ['文艺', '亲子'], held: { signups: 41, checkedIn: 36 } },
];

function dayOf(today: string, day: DemoEvent['day']): string {
  if (typeof day === 'number') return addDays(today, day);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, ((6 - weekday + 7) % 7 || 7) + 7 * day.sat);
}

/** Load the demo events (the lead adds this to `demoSeeders`). */
export const eventsDemoSeeder: DemoSeeder = async ({ prisma, now }) => {
  const today = shanghaiDate(now);
  for (const e of EVENTS) {
    const date = dayOf(today, e.day);
    const startsAt = instantOf(shanghaiIso(date, `${e.from}:00`));
    const hall = e.hallId.replace(/-hall$/, '');
    const event = await prisma.event.create({
      data: {
        title: e.title,
        description: e.description,
        hallId: e.hallId,
        village: hall,
        startsAt,
        endsAt: instantOf(shanghaiIso(date, `${e.to}:00`)),
        capacity: e.capacity,
        signupDeadline: new Date(startsAt.getTime() - 2 * 3600_000),
        tags: e.tags.join(','),
        status: 'open',
        createdAt: now,
        updatedAt: now,
      },
    });
    if (!e.held) continue;
    // Anonymous past sign-ups (no resident): only their counts matter, for the statistics.
    await prisma.eventSignup.createMany({
      data: Array.from({ length: e.held.signups }, (_, i) => ({
        eventId: event.id,
        residentId: null,
        partySize: 1,
        status: 'confirmed',
        checkInCode: `DEMO${String(i).padStart(2, '0')}`,
        createdAt: new Date(startsAt.getTime() - 5 * 24 * 3600_000),
        checkedInAt: i < e.held!.checkedIn ? startsAt : null,
      })),
    });
  }
};
