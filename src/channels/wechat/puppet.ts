/**
 * Loading the Wechaty puppet named by WECHAT_PUPPET, lazily: the web WeChat puppet must not be
 * imported unless the channel runs, because importing it changes the whole process (see
 * {@link loadPuppet}).
 */
import type { Logger } from 'pino';
import type { WechatyOptions } from 'wechaty';

/** A puppet instance as Wechaty accepts it. */
export type WechatyPuppet = Exclude<NonNullable<WechatyOptions['puppet']>, string>;

type PuppetClass = new (options: Record<string, unknown>) => WechatyPuppet;

/**
 * Import a puppet package by name and create its puppet. `uos` asks for the UOS desktop
 * login, which web WeChat accepts for accounts it otherwise refuses (wechaty-puppet-wechat4u
 * 1.14 always logs in that way; wechaty-puppet-wechat reads the option).
 *
 * `wechat4u` installs a global `uncaughtException` handler that prints with `console.log` and
 * keeps the process alive, because its own timers throw. Linli keeps that behaviour (the
 * library needs it) but replaces the handler with one that logs through the app's logger.
 *
 * @example
 * ```ts
 * const puppet = await loadPuppet('wechaty-puppet-wechat4u', { uos: true }, log);
 * const wechaty = WechatyBuilder.build({ name: 'data/wechat/linli', puppet });
 * ```
 */
export async function loadPuppet(name: string, options: { uos: boolean }, log: Logger): Promise<WechatyPuppet> {
  const before = new Set(process.listeners('uncaughtException'));
  let mod: Record<string, unknown>;
  try {
    mod = (await import(name)) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`WECHAT_PUPPET=${name}: the puppet package cannot be loaded (${(err as Error).message})`, { cause: err });
  }
  const added = process.listeners('uncaughtException').filter((l) => !before.has(l));
  for (const listener of added) process.off('uncaughtException', listener);
  if (added.length > 0) {
    process.on('uncaughtException', (err) => {
      log.error({ err }, `wechat: uncaught exception, kept running as ${name} expects`);
    });
  }

  const Puppet = [mod.default, ...Object.entries(mod).filter(([k]) => /^Puppet/.test(k)).map(([, v]) => v)].find(
    (v): v is PuppetClass => typeof v === 'function',
  );
  if (!Puppet) throw new Error(`WECHAT_PUPPET=${name}: the package exports no puppet class`);
  return new Puppet({ uos: options.uos });
}
