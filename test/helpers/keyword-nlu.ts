/**
 * A keyword understander for pipeline tests that must not depend on the trained model's
 * exact scores: it maps a few fixed words to intents. The real classifier has its own tests.
 */
import type { Understander, Understanding } from '../../src/core/context.js';
import { extractEntities } from '../../src/nlu/entities/index.js';
import { detectUrgent } from '../../src/nlu/urgent.js';

const RULES: Array<[RegExp, string]> = [
  [/你好|您好|在吗/, 'greeting'],
  [/菜单|帮助|能干啥/, 'help'],
  [/谢谢/, 'thanks'],
  [/人工/, 'human.handoff'],
  [/留言|建议/, 'feedback'],
  [/工作|零工/, 'job.search'],
  [/着火/, 'hazard.report'],
  [/炸了/, 'test.explode'],
  [/慢慢/, 'test.slow'],
  [/快快/, 'test.fast'],
];

export const keywordNlu: Understander = {
  understand(text: string, options?: { now?: Date }): Understanding {
    const hit = RULES.find(([re]) => re.test(text));
    // Urgent danger is the real detector, as in the app: it overrides the intent.
    const urgent = detectUrgent(text);
    const intent = urgent ? 'hazard.report' : (hit?.[1] ?? 'None');
    return { intent, score: hit ? 1 : 0, entities: extractEntities(text, options), urgent };
  },
};
