/**
 * A bottender session store that keeps nothing. Linli's conversation state (forms, last
 * options) lives in its own database, per resident; bottender's sessions would be a second,
 * diverging copy — and its default in-memory store grows with every sender.
 */

/** The shape bottender 1.5.5 expects of a session store (`SessionStore` in its typings). */
export interface BottenderSessionStore {
  init(): Promise<BottenderSessionStore>;
  read(key: string): Promise<null>;
  all(): Promise<never[]>;
  write(key: string, session: unknown): Promise<void>;
  destroy(key: string): Promise<void>;
}

/**
 * A session store for bottender bots that forgets everything: each event gets a fresh session.
 *
 * ```ts
 * const bot = new LineBot({ client, channelSecret, sessionStore: new NoSessionStore() });
 * ```
 */
export class NoSessionStore implements BottenderSessionStore {
  async init(): Promise<this> {
    return this;
  }

  async read(): Promise<null> {
    return null;
  }

  async all(): Promise<never[]> {
    return [];
  }

  async write(): Promise<void> {}

  async destroy(): Promise<void> {}
}
