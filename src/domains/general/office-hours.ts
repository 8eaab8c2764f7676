/**
 * Office hours, configured as `1-5 08:30-12:00,14:30-17:30` (ISO weekdays, then time ranges in
 * Asia/Shanghai), so a reply can say whether staff are at their desks now.
 */
import { z } from 'zod';

export interface OfficeHours {
  days: number[];
  ranges: Array<{ from: number; to: number }>;
  /** e.g. 周一至周五 8:30-12:00、14:30-17:30 */
  label: string;
}

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const SPEC = /^([1-7])(?:-([1-7]))?\s+(\d{1,2}:\d{2}-\d{1,2}:\d{2}(?:,\d{1,2}:\d{2}-\d{1,2}:\d{2})*)$/;

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const show = (min: number) => `${Math.floor(min / 60)}:${String(min % 60).padStart(2, '0')}`;

/** zod schema parsing the configured text into {@link OfficeHours}. */
export const OfficeHoursSchema = z.string().transform((text, ctx): OfficeHours => {
  const m = SPEC.exec(text.trim());
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'expected e.g. "1-5 08:30-12:00,14:30-17:30" (weekdays 1-7, then times)' });
    return z.NEVER;
  }
  const first = Number(m[1]);
  const last = Number(m[2] ?? m[1]);
  const days = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const ranges = m[3]!.split(',').map((r) => {
    const [from, to] = r.split('-') as [string, string];
    return { from: minutes(from), to: minutes(to) };
  });
  const dayLabel = first === last ? WEEKDAY[first]! : `${WEEKDAY[first]}至${WEEKDAY[last]}`;
  return { days, ranges, label: `${dayLabel} ${ranges.map((r) => `${show(r.from)}-${show(r.to)}`).join('、')}` };
});

/** Whether `at` falls in office hours (Asia/Shanghai wall clock). */
export function isOfficeOpen(hours: OfficeHours, at: Date): boolean {
  const shanghai = new Date(at.getTime() + 8 * 3600_000);
  const day = shanghai.getUTCDay() === 0 ? 7 : shanghai.getUTCDay();
  const minute = shanghai.getUTCHours() * 60 + shanghai.getUTCMinutes();
  return hours.days.includes(day) && hours.ranges.some((r) => minute >= r.from && minute < r.to);
}
