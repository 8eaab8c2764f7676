/**
 * The little of node-nlp 4.27 that Linli uses (the package ships no types). Only the
 * public NlpManager surface is declared; src/nlu/nodenlp.ts reaches the internals it needs
 * through its own narrow interfaces.
 */
declare module 'node-nlp' {
  export interface NlpManagerSettings {
    languages?: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    modelFileName?: string;
    threshold?: number;
    nlu?: { log?: boolean | ((status: unknown, ms: number) => void) };
    [key: string]: unknown;
  }

  export interface NlpProcessResult {
    intent: string;
    score: number;
    classifications: Array<{ intent: string; score: number }>;
  }

  export class NlpManager {
    constructor(settings?: NlpManagerSettings);
    /** The underlying @nlpjs/nlp instance (untyped internals). */
    nlp: unknown;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpProcessResult>;
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
}
