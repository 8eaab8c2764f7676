/**
 * A WeChat world for tests: the real Linli app (keyword NLU), the real Wechaty driven by
 * wechaty-puppet-mock, the bot's account logged in, and helpers to talk to the bot as a
 * resident and read what it said back. Nothing leaves the process.
 */
import { Writable } from 'node:stream';
import { log as wechatyLog, types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startWechatChannel, type WechatChannel } from '../../../src/channels/wechat/index.js';
import { memoryLog, startTestApp, type TestApp } from '../../helpers/app.js';
import { keywordNlu } from '../../helpers/keyword-nlu.js';

// Wechaty's own console logging would drown the test output.
process.env['WECHATY_LOG'] ??= 'silent';
wechatyLog.level('silent');

type ContactMock = mock.ContactMock;
type RoomMock = mock.RoomMock;
type MessageMock = mock.MessageMock;
type Sayable = Parameters<ContactMock['say']>[0];

/**
 * The mock puppet forgets a remark as soon as it is set; the WeChat server keeps it. This one
 * keeps it, so the identity rule's remark tokens can be exercised.
 */
export class RemarkingPuppetMock extends PuppetMock {
  override async contactAlias(contactId: string): Promise<string>;
  override async contactAlias(contactId: string, alias: string | null): Promise<void>;
  override async contactAlias(contactId: string, alias?: string | null): Promise<string | void> {
    const payload = this.mocker.contactPayload(contactId);
    if (alias === undefined) return payload.alias ?? '';
    payload.alias = alias ?? undefined;
  }
}

/** Poll until `check` holds (bounded: fails the test after a few seconds). */
export async function waitFor(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface World {
  app: TestApp;
  mocker: mock.Mocker;
  puppet: RemarkingPuppetMock;
  channel: WechatChannel;
  /** The bot's own account. */
  me: ContactMock;
  /** The channel's log lines. */
  logs: Array<Record<string, unknown>>;
  /** What the channel printed for the operator (QR codes). */
  terminal: string[];
  /** A resident who is the bot's friend; `payload` overrides the generated contact. */
  resident(payload?: Partial<mock.ContactMock['payload']>): ContactMock;
  /** A group chat with the bot and these members. */
  room(topic: string, members: ContactMock[]): RoomMock;
  /** Send something from `from` to the bot (or to `to`, a room or contact) and wait until it is fully handled. */
  say(from: ContactMock, what: Sayable, to?: RoomMock | ContactMock, mentions?: ContactMock[]): Promise<void>;
  /** Deliver a message event with a fixed id `times` times, as web WeChat sometimes does. */
  deliver(payload: mock.MessageMock['payload'], times: number): Promise<void>;
  /** Everything the bot said to this contact or into this room, oldest first. */
  heard(where: ContactMock | RoomMock): string[];
  /** Log the bot's account out and in again, as after a new scan. */
  relogin(): Promise<void>;
  /** Wait until everything received so far is handled and everything due is sent. */
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

/** Start the app and a logged-in WeChat channel over a mock puppet. */
export async function startWorld(options: { env?: Record<string, string> } = {}): Promise<World> {
  const app = await startTestApp({ nlu: keywordNlu, env: { ATTACHMENT_MAX_BYTES: '4096', ...options.env } });
  const { log, logs } = memoryLog();
  const mocker = new mock.Mocker();
  const puppet = new RemarkingPuppetMock({ mocker });
  const terminal: string[] = [];
  const qrOutput = new Writable({
    write(chunk, _enc, done) {
      terminal.push(String(chunk));
      done();
    },
  });
  const channel = await startWechatChannel({
    bot: app.bot,
    outbox: app.outbox,
    http: app.http,
    config: app.config,
    log,
    puppet,
    minIntervalMs: 5,
    perSecond: 1000,
    qrOutput,
  });

  // Every message event Wechaty emitted (the channel's listener ran before this one).
  const events: Array<{ id: string; talkerId: string; text: string }> = [];
  channel.wechaty.on('message', (m) => {
    events.push({ id: m.id, talkerId: m.talker().id, text: m.text() });
  });

  const me = mocker.createContact({ name: '邻里小助手' });
  const said = new Map<string, string[]>();
  const collect = (target: ContactMock | RoomMock) => {
    said.set(target.id, []);
    // A contact mock hears the private messages it sends or gets; a room mock, its group's.
    target.on('message', (m: MessageMock) => {
      if (m.talker().id === me.id) said.get(target.id)!.push(m.text() ?? '');
    });
  };

  const world: World = {
    app,
    mocker,
    puppet,
    channel,
    me,
    logs,
    terminal,
    resident(payload = {}) {
      const contact = mocker.createContact({ friend: true, type: types.Contact.Individual, ...payload });
      collect(contact);
      return contact;
    },
    room(topic, members) {
      const room = mocker.createRoom({ topic, memberIdList: [me.id, ...members.map((m) => m.id)] });
      collect(room);
      return room;
    },
    async say(from, what, to, mentions = []) {
      const before = events.length;
      from.say(what, mentions).to(to ?? me);
      const isIt = (e: (typeof events)[number]) => e.talkerId === from.id && (typeof what !== 'string' || e.text === what);
      await waitFor(() => events.slice(before).some(isIt), 'the message event');
      await world.settle();
    },
    async deliver(payload, times) {
      mocker.MessageMock.create(payload);
      for (let i = 0; i < times; i++) puppet.emit('message', { messageId: payload.id });
      await waitFor(() => events.filter((e) => e.id === payload.id).length >= times, 'the repeated message events');
      await world.settle();
    },
    heard(where) {
      return said.get(where.id) ?? [];
    },
    async relogin() {
      await puppet.logout('test: new login');
      mocker.login(me);
      await waitFor(() => channel.wechaty.isLoggedIn, 'the new login');
    },
    async settle() {
      await channel.idle();
      await app.bot.drain();
      await app.outbox.idle();
      await channel.idle();
    },
    async dispose() {
      await channel.stop();
      await app.dispose();
    },
  };

  mocker.scan('https://login.weixin.qq.com/l/linli-test', types.ScanStatus.Waiting);
  mocker.login(me);
  await waitFor(() => channel.wechaty.isLoggedIn, 'the login');
  return world;
}
