/**
 * Types shared by the NLU layer: the training corpus, the classifier interface and the
 * entities it extracts. Domains depend on these types; core sees only the plain
 * `Understanding` shape it declares itself.
 */

/** The intent names Linli understands. `None` means out of scope. */
export const INTENTS = [
  'greeting',
  'help',
  'human.handoff',
  'thanks',
  'feedback',
  'job.search',
  'job.register',
  'job.apply',
  'labor.rights',
  'insurance.info',
  'insurance.enroll',
  'insurance.status',
  'hazard.report',
  'report.status',
  'event.list',
  'event.signup',
  'event.cancel',
  'subscription.stop',
  'privacy.delete',
] as const;

/** One of {@link INTENTS}, or `None` for out of scope. */
export type IntentName = (typeof INTENTS)[number] | 'None';

/**
 * A training corpus in the NLP.js corpus JSON format
 * (`{ name, locale, data: [{ intent, utterances, answers? }] }`).
 */
export interface Corpus {
  name: string;
  locale: string;
  data: Array<{ intent: string; utterances: string[]; answers?: string[] }>;
}

/** A labelled example: the text and its intent (`None` for out of scope). */
export interface Example {
  text: string;
  intent: string;
}

/** One intent's score in a classification, highest first in a ranking. */
export interface IntentScore {
  intent: string;
  score: number;
}

/** What a classifier says about one text. */
export interface Classification {
  /** The best intent, or `None` when the best score is under the calibrated threshold. */
  intent: string;
  /** The best intent's score in [0, 1]. */
  score: number;
  /** Every intent with its score, best first (before thresholding). */
  ranking: IntentScore[];
}

/**
 * An intent classifier. Implementations: the character n-gram classifier (default) and
 * node-nlp's NlpManager (kept for comparison). Both are trained from the same corpus.
 *
 * ```ts
 * const clf = new NgramClassifier();
 * await clf.train(examples);
 * clf.classify('附近有没有日结的保洁'); // { intent: 'job.search', score: 0.93, ranking: [...] }
 * ```
 */
export interface IntentClassifier {
  /** A short name used in reports (`ngram`, `node-nlp`). */
  readonly name: string;
  /** Train on labelled examples. Examples labelled `None` teach out-of-scope. */
  train(examples: Example[]): Promise<void>;
  /** Classify one text. Synchronous and fast: it runs on every message. */
  classify(text: string): Classification;
  /** Serialise the trained model for the on-disk cache. */
  exportModel(): unknown;
  /** Restore a model produced by {@link exportModel}. */
  importModel(model: unknown): void;
  /** The out-of-scope threshold in use; scores under it classify as `None`. */
  threshold: number;
}
