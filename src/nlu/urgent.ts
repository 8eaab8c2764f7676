import { normalizeText } from './normalize.js';
import {
  FALSE_FRIENDS,
  FOLLOW_UP,
  HYPOTHETICAL,
  NEGATIONS,
  URGENT_PATTERNS,
  type UrgentKind,
} from './urgent-words.js';

export type { UrgentKind } from './urgent-words.js';

/** An urgent danger found in a message. */
export interface UrgentMatch {
  urgent: true;
  kind: UrgentKind;
  /** The words that matched, as normalised (simplified, without punctuation or spaces). */
  matched: string;
}

// Replaces a false friend so that neither it nor its halves match, and nothing joins across it.
const BLANK = '\u25a1';

// matchAll needs the global flag; it clones the regex, so sharing these is safe.
const PATTERNS = URGENT_PATTERNS.map(({ kind, pattern }) => ({
  kind,
  pattern: new RegExp(pattern.source, 'g'),
}));

/**
 * Detect urgent danger (fire, gas, people trapped, electricity, someone in the water,
 * explosions and collapses) by keywords, independently of the intent classifier, so that a
 * resident shouting 着火了 is never left to a statistical model's mood. Questions count
 * (`着火了吗？` is urgent: the resident suspects a fire); look-alikes do not (`火锅`,
 * `烟囱冒烟`, `漏电保护器`, `落水管`), nor a denial or a worry right before the word
 * (`没有着火`, `万一着火咋办`), nor a follow-up on an earlier report (`上周报的煤气味的事查了吗`).
 *
 * @example
 * ```ts
 * detectUrgent('三楼着火了！！'); // { urgent: true, kind: 'fire', matched: '着火' }
 * detectUrgent('楼下火锅店好吃吗'); // null
 * ```
 */
export function detectUrgent(text: string): UrgentMatch | null {
  let norm = normalizeText(text, { keepDigits: true });
  if (FOLLOW_UP.test(norm)) return null;
  for (const phrase of FALSE_FRIENDS) {
    if (norm.includes(phrase)) norm = norm.split(phrase).join(BLANK);
  }
  for (const { kind, pattern } of PATTERNS) {
    for (const match of norm.matchAll(pattern)) {
      if (!isNegated(norm, match.index) && !isHypothetical(norm, match.index)) {
        return { urgent: true, kind, matched: match[0] };
      }
    }
  }
  return null;
}

function isHypothetical(text: string, index: number): boolean {
  return HYPOTHETICAL.test(text.slice(Math.max(0, index - 6), index));
}

function isNegated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  // 有没有着火 / 有没着火 ask, they do not deny.
  if (before.endsWith('有没有') || before.endsWith('有没')) return false;
  return NEGATIONS.some((word) => before.endsWith(word));
}
