/**
 * A tiny middleware core in the style of grammY's Composer. Middleware receive the context and
 * a `next` function; calling `next()` passes control down the chain, not calling it stops there.
 *
 * ```ts
 * const bot = new Composer<Context>();
 * bot.use(async (ctx, next) => { const t = Date.now(); await next(); log(Date.now() - t); });
 * bot.intent('greeting', (ctx) => ctx.reply('您好！'));
 * ```
 */

/** Call the rest of the middleware chain. */
export type NextFunction = () => Promise<void>;

/** A middleware function. */
export type MiddlewareFn<C> = (ctx: C, next: NextFunction) => unknown | Promise<unknown>;

/** Anything usable as middleware: a function or another composer. */
export type Middleware<C> = MiddlewareFn<C> | { middleware(): MiddlewareFn<C> };

/** A context that carries an intent, so {@link Composer.intent} can filter on it. */
export interface HasIntent {
  intent: string | undefined;
}

function flatten<C>(mw: Middleware<C>): MiddlewareFn<C> {
  return typeof mw === 'function' ? mw : mw.middleware();
}

function concat<C>(first: MiddlewareFn<C>, andThen: MiddlewareFn<C>): MiddlewareFn<C> {
  return async (ctx, next) => {
    let nextCalled = false;
    await first(ctx, async () => {
      if (nextCalled) throw new Error('next() called twice in one middleware');
      nextCalled = true;
      await andThen(ctx, next);
    });
  };
}

const pass: MiddlewareFn<unknown> = (_ctx, next) => next();

/** A chain of middleware. Composers nest: a composer is itself middleware. */
export class Composer<C> {
  private handler: MiddlewareFn<C>;

  constructor(...middleware: Middleware<C>[]) {
    this.handler = middleware.length === 0 ? pass : middleware.map(flatten).reduce(concat);
  }

  /** The whole chain as one middleware function. */
  middleware(): MiddlewareFn<C> {
    return this.handler;
  }

  /**
   * Append middleware to the chain.
   *
   * ```ts
   * bot.use(session(), logger());
   * ```
   */
  use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.handler = concat(this.handler, flatten(composer));
    return composer;
  }

  /**
   * Run middleware only when the predicate holds; otherwise skip to what follows.
   *
   * ```ts
   * bot.filter((ctx) => ctx.inbound.attachments !== undefined, handlePhoto);
   * ```
   */
  filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    const branch = flatten(composer);
    this.use(async (ctx, next) => ((await predicate(ctx)) ? branch(ctx, next) : next()));
    return composer;
  }

  /**
   * Handle one or more intents. The handler runs when the context's intent matches; it does
   * not call `next` unless it wants later handlers to run too.
   *
   * ```ts
   * bot.intent(['thanks'], (ctx) => ctx.reply(text.youAreWelcome));
   * ```
   */
  intent(intent: string | readonly string[], ...middleware: Middleware<C & HasIntent>[]): Composer<C> {
    const wanted = new Set(typeof intent === 'string' ? [intent] : intent);
    return this.filter(
      (ctx) => wanted.has((ctx as C & HasIntent).intent ?? ''),
      ...(middleware as Middleware<C>[]),
    );
  }
}

/**
 * Run a middleware chain to its end.
 *
 * @returns when the chain finishes (or stops early by not calling `next`).
 */
export async function run<C>(middleware: MiddlewareFn<C>, ctx: C): Promise<void> {
  await middleware(ctx, async () => {});
}
