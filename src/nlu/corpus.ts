import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INTENTS, type Example } from './types.js';

/** The corpus shipped with Linli: `intents/` at the project root. */
export const DEFAULT_INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));

const KNOWN_INTENTS = new Set<string>([...INTENTS, 'None']);

/** The NLP.js corpus JSON format, as validated when loading `intents/*.json`. */
export const CorpusSchema = z.object({
  name: z.string().min(1),
  locale: z.string().min(2),
  data: z.array(
    z.object({
      intent: z.string().refine((name) => KNOWN_INTENTS.has(name), {
        message: 'unknown intent name (add it to INTENTS in src/nlu/types.ts first)',
      }),
      utterances: z.array(z.string().trim().min(1, 'empty utterance')).min(1),
      answers: z.array(z.string()).optional(),
    }),
  ),
});

/** A loaded training corpus. */
export interface LoadedCorpus {
  /** Every utterance with its intent, in file then document order. */
  examples: Example[];
  /** sha256 (hex) over the sorted file names and their contents: the model cache key. */
  hash: string;
  /** The corpus files read, sorted by name. */
  files: string[];
}

/** A corpus file that cannot be used; the message names the file and what is wrong. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

/**
 * Load every `*.json` file of an intents directory (NLP.js corpus format), validate it and
 * return the labelled examples with a hash of the corpus. An invalid file, an unknown
 * intent, or an utterance given two different intents throws a {@link CorpusError}.
 *
 * @example
 * ```ts
 * const { examples, hash } = await loadCorpus('intents');
 * examples[0]; // { text: '你好', intent: 'greeting' }
 * ```
 */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    throw new CorpusError(`cannot read the intents directory ${dir}: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new CorpusError(`no *.json corpus files in ${dir}`);
  const hash = createHash('sha256');
  const examples: Example[] = [];
  const seen = new Map<string, { intent: string; file: string }>();
  for (const name of names) {
    const file = path.join(dir, name);
    const content = await readFile(file, 'utf8');
    hash.update(`${name}\0${content}\0`);
    for (const example of parseCorpusFile(file, content)) {
      const previous = seen.get(example.text);
      if (previous) {
        if (previous.intent === example.intent) continue; // a repeat adds nothing but weight
        throw new CorpusError(
          `${file}: utterance "${example.text}" is labelled ${example.intent} here and ` +
            `${previous.intent} in ${previous.file}`,
        );
      }
      seen.set(example.text, { intent: example.intent, file });
      examples.push(example);
    }
  }
  return { examples, hash: hash.digest('hex'), files: names.map((n) => path.join(dir, n)) };
}

/** Parse and validate one corpus file's content; `file` is only used in error messages. */
export function parseCorpusFile(file: string, content: string): Example[] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new CorpusError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = CorpusSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new CorpusError(`${file}: invalid corpus: ${problems}`);
  }
  return result.data.data.flatMap((doc) =>
    doc.utterances.map((text) => ({ text: text.trim(), intent: doc.intent })),
  );
}

const LabelledSetSchema = z.array(z.object({ text: z.string().min(1), intent: z.string().min(1) }));

/**
 * Load a labelled test set: a JSON array of `{ text, intent }` such as
 * test/fixtures/nlu-heldout.json. Used only to measure, never to train.
 */
export async function loadLabelledSet(file: string): Promise<Example[]> {
  const content = await readFile(file, 'utf8');
  const result = LabelledSetSchema.safeParse(JSON.parse(content));
  if (!result.success) {
    throw new CorpusError(`${file}: not an array of { text, intent }: ${result.error.issues[0]?.message}`);
  }
  return result.data;
}
