import type { NlpManager, NlpManagerSettings } from 'node-nlp';
import { rankScores } from './ranking.js';
import type { Classification, Example, IntentClassifier } from './types.js';

/**
 * Settings that keep node-nlp quiet and off the disk: no model.nlp loaded from or saved
 * into the working directory, no training progress on the console. `modelFileName` points
 * nowhere writable on purpose, so a save slipping through would fail loudly, not litter.
 */
export const NODE_NLP_SETTINGS: NlpManagerSettings = {
  languages: ['zh'],
  autoSave: false,
  autoLoad: false,
  modelFileName: '/dev/null/linli-never-written.nlp',
  nlu: { log: false },
};

// The internals of @nlpjs that the synchronous path below walks through.
interface NeuralNlu {
  settings: Record<string, unknown>;
  container: { get(name: string): unknown };
  applySettings(a: object, b: object): Record<string, unknown>;
  textToFeatures(input: PipelineInput): PipelineInput;
  innerProcess(input: PipelineInput): PipelineInput;
  filterNonActivated(input: PipelineInput): PipelineInput;
  normalizeClassifications(input: PipelineInput): PipelineInput;
}
interface PipelineInput {
  text: string;
  locale?: string;
  settings: Record<string, unknown>;
  tokens?: Record<string, number>;
  classifications?: Array<{ intent: string; score: number }>;
}
interface DomainManager {
  stemDict: Record<string, { intent: string }>;
  domains: Record<string, NeuralNlu>;
}
interface ZhNormalizer {
  normalize(text: string): string;
}
interface ZhStemmer {
  processText(text: string): string[];
}

/**
 * node-nlp's NlpManager behind Linli's classifier interface, kept to compare against the
 * n-gram classifier (see docs/nlu.md). node-nlp is loaded lazily (it weighs ~390 MB), so
 * construct it with {@link NodeNlpClassifier.create}.
 *
 * node-nlp only classifies asynchronously; {@link NodeNlpClassifier.classify} replays its
 * zh pipeline synchronously (normalise → pinyin stems → exact-match dictionary → neural
 * network → NluManager's tie rule), which the tests check against `manager.process`.
 *
 * @example
 * ```ts
 * const clf = await NodeNlpClassifier.create();
 * await clf.train(examples);
 * clf.classify('医保咋交'); // { intent: 'insurance.info', ... }
 * ```
 */
export class NodeNlpClassifier implements IntentClassifier {
  readonly name = 'node-nlp';
  threshold = 0;
  private manager: NlpManager;
  private intents: string[] = [];

  private constructor(private readonly Manager: typeof NlpManager) {
    this.manager = new Manager({ ...NODE_NLP_SETTINGS });
  }

  /** Load node-nlp (dynamic import, so the default path never pays for it) and wrap it. */
  static async create(): Promise<NodeNlpClassifier> {
    const { NlpManager: Manager } = await quietly(() => import('node-nlp'));
    return new NodeNlpClassifier(Manager);
  }

  /** Train a fresh NlpManager on the examples. */
  async train(examples: Example[]): Promise<void> {
    this.manager = new this.Manager({ ...NODE_NLP_SETTINGS });
    for (const e of examples) this.manager.addDocument('zh', e.text, e.intent);
    this.intents = [...new Set(examples.map((e) => e.intent))].sort();
    await quietly(() => this.manager.train());
  }

  /** Classify synchronously with the trained manager. */
  classify(text: string): Classification {
    return quietly(() => this.classifyQuietly(text));
  }

  /** node-nlp's own asynchronous answer, for checking {@link classify} against it. */
  async processOfficially(text: string): Promise<{ intent: string; score: number }> {
    const result = await quietly(() => this.manager.process('zh', text));
    return { intent: result.intent, score: result.score };
  }

  /** The manager's own JSON export plus the intent list. */
  exportModel(): unknown {
    return { kind: 'node-nlp', intents: this.intents, manager: JSON.parse(this.manager.export(true)) };
  }

  /** Restore a model from {@link exportModel}. */
  importModel(data: unknown): void {
    const model = data as { kind?: string; intents?: unknown; manager?: object };
    if (model?.kind !== 'node-nlp' || !Array.isArray(model.intents) || !model.manager) {
      throw new Error('not a node-nlp model export');
    }
    const manager = new this.Manager({ ...NODE_NLP_SETTINGS });
    quietly(() => manager.import(model.manager!));
    this.manager = manager;
    this.intents = model.intents.map(String);
    // The zh dictionary compiles on first use (~0.7 s): pay that now, not on a resident's message.
    this.classify('你好');
  }

  private classifyQuietly(text: string): Classification {
    const { domainManager, nlu } = this.internals();
    const container = nlu.container;
    const normalizer = container.get('normalizer-zh') as ZhNormalizer;
    const stemmer = container.get('stemmer-zh') as ZhStemmer;
    const normalized = normalizer.normalize(text);
    const tokens: Record<string, number> = {};
    for (const stem of stemmer.processText(normalized)) tokens[stem] = 1;

    let classifications: Array<{ intent: string; score: number }>;
    const exact = domainManager.stemDict[Object.keys(tokens).sort().join()];
    if (exact) {
      classifications = [{ intent: exact.intent, score: 1 }];
    } else {
      let input: PipelineInput = {
        text: normalized,
        locale: 'zh',
        settings: nlu.applySettings({}, nlu.settings),
        tokens,
      };
      input = nlu.textToFeatures(input);
      input = nlu.innerProcess(input);
      input = nlu.filterNonActivated(input);
      input = nlu.normalizeClassifications(input);
      classifications = input.classifications ?? [];
    }
    const scores = this.intents.map(
      (intent) => classifications.find((c) => c.intent === intent)?.score ?? 0,
    );
    const sorted = [...classifications].sort((a, b) => b.score - a.score);
    // NluManager.checkIfIsNone: no score, or a tie at the top, means None with certainty.
    if (sorted.length !== 1 && (!sorted[0] || sorted[0].score === 0 || sorted[0].score === sorted[1]?.score)) {
      return rankScores(
        this.intents,
        this.intents.map((i) => (i === 'None' ? 1 : 0)),
        this.threshold,
      );
    }
    return rankScores(this.intents, scores, this.threshold);
  }

  private internals(): { domainManager: DomainManager; nlu: NeuralNlu } {
    const nlp = this.manager.nlp as { nluManager: { domainManagers: Record<string, DomainManager> } };
    const domainManager = nlp.nluManager.domainManagers.zh;
    const nlu = domainManager?.domains.master_domain;
    if (!domainManager || !nlu) throw new Error('the node-nlp classifier is not trained');
    return { domainManager, nlu };
  }
}

/**
 * Run `fn` with console.log silenced: node-nlp's zh dictionary prints "Compiling
 * dictionary" to stdout the first time it is used, which would corrupt the JSON lines of
 * `npm run classify`.
 */
function quietly<T>(fn: () => T): T {
  const log = console.log;
  console.log = () => {};
  try {
    const result = fn();
    if (result instanceof Promise) {
      return result.finally(() => {
        console.log = log;
      }) as T;
    }
    console.log = log;
    return result;
  } catch (error) {
    console.log = log;
    throw error;
  }
}
