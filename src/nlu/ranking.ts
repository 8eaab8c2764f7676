import type { Classification, IntentScore } from './types.js';

/** The intent name for out of scope. */
export const NONE = 'None';

/**
 * Turn per-intent scores into a {@link Classification}: the ranking best first, and the
 * best intent unless it scores under `threshold`, in which case the message is out of
 * scope (`None`). The score stays the best intent's score either way, so callers can see
 * how close a rejected message came.
 *
 * @example
 * ```ts
 * rankScores(['help', 'None'], [0.3, 0.7], 0.4); // { intent: 'None', score: 0.7, ranking: [...] }
 * rankScores(['help', 'None'], [0.35, 0.3], 0.4); // { intent: 'None', score: 0.35, ... }
 * ```
 */
export function rankScores(
  intents: readonly string[],
  scores: ArrayLike<number>,
  threshold: number,
): Classification {
  const ranking: IntentScore[] = intents.map((intent, i) => ({ intent, score: scores[i] ?? 0 }));
  ranking.sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
  const best = ranking[0] ?? { intent: NONE, score: 0 };
  const intent = best.score < threshold ? NONE : best.intent;
  return { intent, score: best.score, ranking };
}
