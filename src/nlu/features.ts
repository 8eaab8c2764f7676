import { normalizeText } from './normalize.js';

/** How texts become features. Stored with the model so a cached model is read back the same way. */
export interface FeatureOptions {
  /** Shortest character n-gram. */
  minN: number;
  /** Longest character n-gram. */
  maxN: number;
  /** Also emit character pairs with one character skipped (`a_c`), robust to a typo in between. */
  skipBigrams: boolean;
  /** Mark the start and end of the message so `谢谢` alone differs from `谢谢` mid-sentence. */
  boundaries: boolean;
}

/** A sparse, L2-normalised feature vector: parallel arrays of feature ids and values. */
export interface SparseVector {
  ids: Int32Array;
  values: Float32Array;
}

const START = '\u0002';
const END = '\u0003';

/**
 * The character n-grams (and optional skip-bigrams) of a text, after {@link normalizeText}.
 * Repeated grams are returned repeatedly: the count is the term frequency.
 *
 * @example
 * ```ts
 * extractGrams('医保', { minN: 1, maxN: 2, skipBigrams: false, boundaries: false });
 * // ['医', '保', '医保']
 * ```
 */
export function extractGrams(text: string, options: FeatureOptions): string[] {
  const norm = normalizeText(text);
  const chars = options.boundaries ? [START, ...norm, END] : [...norm];
  const grams: string[] = [];
  for (let n = options.minN; n <= options.maxN; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      if (n === 1 && (chars[i] === START || chars[i] === END)) continue;
      grams.push(chars.slice(i, i + n).join(''));
    }
  }
  if (options.skipBigrams) {
    for (let i = 0; i + 2 < chars.length; i++) grams.push(`${chars[i]}_${chars[i + 2]}`);
  }
  return grams;
}

/** The serialisable state of a fitted {@link Vectorizer}. */
export interface VectorizerState {
  options: FeatureOptions;
  vocabulary: string[];
  idf: number[];
}

/**
 * TF-IDF over character n-grams with sublinear term frequency (`1 + ln tf`) and L2
 * normalisation, the vocabulary learned from the training texts. Grams never seen in
 * training are ignored at classification time.
 *
 * @example
 * ```ts
 * const v = Vectorizer.fit(['我要交医保', '找工作'], options);
 * v.transform('医保怎么交'); // { ids, values } with unit length
 * ```
 */
export class Vectorizer {
  private readonly index: Map<string, number>;

  private constructor(
    readonly options: FeatureOptions,
    private readonly vocabulary: string[],
    private readonly idf: Float32Array,
  ) {
    this.index = new Map(vocabulary.map((gram, i) => [gram, i]));
  }

  /** Number of features (the vocabulary size). */
  get size(): number {
    return this.vocabulary.length;
  }

  /** Learn the vocabulary and smoothed IDF weights (`ln((1 + N) / (1 + df)) + 1`) from texts. */
  static fit(texts: string[], options: FeatureOptions): Vectorizer {
    const df = new Map<string, number>();
    for (const text of texts) {
      for (const gram of new Set(extractGrams(text, options))) df.set(gram, (df.get(gram) ?? 0) + 1);
    }
    // Sorted so the feature ids do not depend on the order of the corpus files.
    const vocabulary = [...df.keys()].sort();
    const n = texts.length;
    const idf = Float32Array.from(vocabulary, (g) => Math.log((1 + n) / (1 + df.get(g)!)) + 1);
    return new Vectorizer(options, vocabulary, idf);
  }

  /** Rebuild a vectorizer from {@link toJSON} output. */
  static fromJSON(state: VectorizerState): Vectorizer {
    return new Vectorizer(state.options, state.vocabulary, Float32Array.from(state.idf));
  }

  /** The state to store in the model cache. */
  toJSON(): VectorizerState {
    return { options: this.options, vocabulary: this.vocabulary, idf: Array.from(this.idf) };
  }

  /** Turn a text into its L2-normalised TF-IDF vector (empty when no gram is known). */
  transform(text: string): SparseVector {
    const counts = new Map<number, number>();
    for (const gram of extractGrams(text, this.options)) {
      const id = this.index.get(gram);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = new Int32Array(counts.size);
    const values = new Float32Array(counts.size);
    let norm = 0;
    let k = 0;
    for (const [id, tf] of counts) {
      const v = (1 + Math.log(tf)) * this.idf[id]!;
      ids[k] = id;
      values[k] = v;
      norm += v * v;
      k++;
    }
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < values.length; i++) values[i]! *= inv;
    }
    return { ids, values };
  }
}
