import { z } from 'zod';
import { Vectorizer, type FeatureOptions } from './features.js';
import { predictSoftmax, trainSoftmax, type SoftmaxModel, type SoftmaxOptions } from './softmax.js';
import { rankScores } from './ranking.js';
import type { Classification, Example, IntentClassifier } from './types.js';

/** Everything that shapes an n-gram model; the defaults are the measured best (docs/nlu.md). */
export interface NgramOptions {
  features: FeatureOptions;
  training: SoftmaxOptions;
}

/** The settings Linli ships with (hashed into the cache key: changing them retrains). */
export const DEFAULT_NGRAM_OPTIONS: NgramOptions = {
  features: { minN: 1, maxN: 2, skipBigrams: false, boundaries: true },
  training: {
    epochs: 30,
    learningRate: 0.5,
    l2: 1e-4,
    classWeightPower: 0,
    seed: 20231,
  },
};

const ModelSchema = z.object({
  kind: z.literal('ngram'),
  options: z.object({
    features: z.object({
      minN: z.number().int(),
      maxN: z.number().int(),
      skipBigrams: z.boolean(),
      boundaries: z.boolean(),
    }),
    training: z.record(z.string(), z.number()),
  }),
  vectorizer: z.object({ vocabulary: z.array(z.string()), idf: z.array(z.number()) }),
  intents: z.array(z.string()),
  weights: z.string(),
  biases: z.array(z.number()),
});

/**
 * Linli's own intent classifier: character n-gram TF-IDF features (sublinear tf, L2
 * normalised) fed to a multinomial logistic regression. `None` is trained like any other
 * class from the out-of-scope examples; on top of that a message whose best score is
 * under {@link NgramClassifier.threshold} is out of scope too.
 *
 * @example
 * ```ts
 * const clf = new NgramClassifier();
 * await clf.train(examples);
 * clf.threshold = 0.42; // from calibrateThreshold(), never guessed
 * clf.classify('俺想打零工'); // { intent: 'job.search', score: 0.9, ranking: [...] }
 * ```
 */
export class NgramClassifier implements IntentClassifier {
  readonly name = 'ngram';
  threshold = 0;
  private vectorizer: Vectorizer | undefined;
  private model: SoftmaxModel | undefined;
  private intents: string[] = [];

  constructor(readonly options: NgramOptions = DEFAULT_NGRAM_OPTIONS) {}

  /** Fit the vocabulary and the regression on labelled examples. */
  async train(examples: Example[]): Promise<void> {
    if (examples.length === 0) throw new Error('cannot train the n-gram classifier on no examples');
    this.intents = [...new Set(examples.map((e) => e.intent))].sort();
    const classOf = new Map(this.intents.map((intent, i) => [intent, i]));
    const vectorizer = Vectorizer.fit(
      examples.map((e) => e.text),
      this.options.features,
    );
    const xs = examples.map((e) => vectorizer.transform(e.text));
    const ys = examples.map((e) => classOf.get(e.intent)!);
    this.model = trainSoftmax(xs, ys, this.intents.length, vectorizer.size, this.options.training);
    this.vectorizer = vectorizer;
  }

  /** Classify one text; `None` when the model says so or the best score is under the threshold. */
  classify(text: string): Classification {
    if (!this.model || !this.vectorizer) throw new Error('the n-gram classifier is not trained');
    const probs = predictSoftmax(this.model, this.vectorizer.transform(text));
    return rankScores(this.intents, probs, this.threshold);
  }

  /** The model as JSON-safe data; weights are base64 Float32 to keep the cache file small. */
  exportModel(): unknown {
    if (!this.model || !this.vectorizer) throw new Error('the n-gram classifier is not trained');
    const state = this.vectorizer.toJSON();
    const { weights } = this.model;
    return {
      kind: 'ngram',
      options: this.options,
      vectorizer: { vocabulary: state.vocabulary, idf: state.idf },
      intents: this.intents,
      weights: Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString('base64'),
      biases: Array.from(this.model.biases),
    };
  }

  /** Restore a model from {@link exportModel}; throws if the data is not such a model. */
  importModel(data: unknown): void {
    const parsed = ModelSchema.parse(data);
    const features = parsed.vectorizer.vocabulary.length;
    const classes = parsed.intents.length;
    const bytes = Buffer.from(parsed.weights, 'base64');
    if (bytes.byteLength !== features * classes * 4 || parsed.biases.length !== classes) {
      throw new Error('n-gram model weights do not match its vocabulary and intents');
    }
    // Copy into a fresh, aligned buffer: a Buffer's offset need not be a multiple of 4.
    const weights = new Float32Array(features * classes);
    new Uint8Array(weights.buffer).set(bytes);
    this.vectorizer = Vectorizer.fromJSON({
      options: parsed.options.features,
      vocabulary: parsed.vectorizer.vocabulary,
      idf: parsed.vectorizer.idf,
    });
    this.model = { classes, features, weights, biases: Float32Array.from(parsed.biases) };
    this.intents = parsed.intents;
  }
}

