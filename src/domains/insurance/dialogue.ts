/**
 * The insurance dialogue: answers (insurance.info) that pick the topic actually asked, the
 * start of the enrolment form (insurance.enroll), the status list (insurance.status) and the
 * reminder opt-out (“不用提醒医保”).
 */
import type { Bot } from '../../core/bot.js';
import type { Context } from '../../core/context.js';
import type { Option } from '../../core/types.js';
import { findPlaces } from '../../nlu/entities/places.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { PiiVault } from '../../privacy/vault.js';
import type { InboundRedactor } from '../privacy/redact.js';
import { ENROL_FORM, relationIn, sealIdNumber, sealPhone } from './form.js';
import { optOutOfReminders } from './reminders.js';
import type { InsuranceService } from './service.js';
import { insuranceText as t, shortDate, statusWords, topicKeywords, topicLabels, type InsuranceTopic } from './text.js';

/**
 * The topic a question is about, from its words; undefined for a vague “医保”.
 *
 * ```ts
 * detectTopic('低保户交不交医保'); // 'subsidy'
 * detectTopic('医保');             // undefined
 * ```
 */
export function detectTopic(text: string): InsuranceTopic | undefined {
  return topicKeywords.find(([, words]) => words.some((w) => text.includes(w)))?.[0];
}

/** The follow-up menu: the other topics, then enrolment. */
function topicMenu(except?: InsuranceTopic): Option[] {
  const topics = (Object.keys(topicLabels) as InsuranceTopic[]).filter((k) => k !== except);
  return [
    ...topics.map((k) => ({ label: topicLabels[k], intent: 'insurance.info' })),
    { label: t.enrolOption, intent: 'insurance.enroll' },
  ];
}

/** Matches “不用提醒医保”, “医保别再提醒了” and the like. */
const OPT_OUT = /(不用|不要|别|无需|不需要)(再)?(提醒|通知|催).{0,4}医保|医保.{0,6}(不用|不要|别|无需|不需要)(再)?(提醒|通知|催)/;

/** Register the insurance intents and the opt-out on a bot. */
export function registerInsuranceDialogue(
  bot: Bot,
  deps: { service: InsuranceService; vault: PiiVault; prisma: PrismaClient; redactor: InboundRedactor },
): void {
  const { service, vault, prisma, redactor } = deps;
  const policy = service.policy;

  bot.filter(
    (ctx) => OPT_OUT.test(ctx.text.replace(/\s/g, '')),
    async (ctx) => {
      await optOutOfReminders(prisma, ctx.resident.id, ctx.now);
      await ctx.reply(t.reminder.optedOut);
    },
  );

  const answerInfo = async (ctx: Context, topic: InsuranceTopic | undefined) => {
    if (!topic) {
      await ctx.reply(t.menuIntro, { options: topicMenu() });
      return;
    }
    const year = policy.enrolmentYear(ctx.now);
    const answer = t.answers[topic](year, policy.windowState(year, ctx.now));
    const notice = policy.file.demo ? `\n${t.demoNotice(policy.file.notice)}` : '';
    await ctx.reply(`${answer}${notice}\n${t.moreTopics}`, { options: topicMenu(topic) });
  };

  bot.intent('insurance.info', (ctx) => answerInfo(ctx, detectTopic(ctx.text)));

  bot.intent('insurance.enroll', async (ctx) => {
    // Whatever the first message already says is taken; personal data in it is sealed and
    // masked in the stored copy of the message.
    const initial: Record<string, unknown> = {};
    const relation = relationIn(ctx.text, false);
    if (relation) initial.relation = relation;
    const place = findPlaces(ctx.text)[0];
    if (place) initial.village = place.value.id;
    if (ctx.entity('id_number')) {
      const sealed = sealIdNumber(ctx.entity('id_number')!.text, vault, ctx.now, policy.enrolmentYear(ctx.now).coverage.start);
      if ('cipher' in sealed) initial.idNumber = sealed;
    }
    if (ctx.entity('phone')) {
      const sealed = sealPhone(ctx.entity('phone')!.text, vault);
      if ('cipher' in sealed) initial.phone = sealed;
    }
    redactor.mask(ctx.inboundId, ctx.inbound.text);
    await ctx.reply(t.form.intro(policy.enrolmentYear(ctx.now).label));
    await ctx.startForm(ENROL_FORM, initial);
  });

  bot.intent('insurance.status', (ctx) => {
    // “新生儿的医保有啥规定” is sometimes taken for a status question: a policy topic without
    // a word about one's own application is answered as the policy question it is.
    const topic = detectTopic(ctx.text);
    if (topic && !statusWords.some((w) => ctx.text.includes(w))) return answerInfo(ctx, topic);
    return replyStatus(ctx, service);
  });
}

async function replyStatus(ctx: Context, service: InsuranceService): Promise<void> {
  const list = await service.listForResident(ctx.resident.id);
  if (list.length === 0) {
    await ctx.reply(t.status.none, { options: [{ label: t.enrolOption, intent: 'insurance.enroll' }] });
    return;
  }
  const lines = list.map((a) =>
    t.status.line(a.id, a.coverageYear, a.relation, a.nameMasked, a.idMasked, t.statusNames[a.status] ?? a.status, shortDate(a.createdAt), a.returnReason),
  );
  await ctx.reply([t.status.title, ...lines].join('\n'), { options: [{ label: t.enrolAnother, intent: 'insurance.enroll' }] });
}
