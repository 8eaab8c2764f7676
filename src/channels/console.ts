/**
 * The terminal chat: type a message, read the bot's replies, answer options by number.
 * Replies arrive through the outbox like any push channel's.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import type { Bot } from '../core/bot.js';
import type { ChannelSender } from '../core/outbox.js';
import { renderNumbered } from '../core/render.js';
import { InvalidInboundError, MAX_TEXT_LENGTH, type OutboundEnvelope } from '../core/types.js';

/** The channel name of terminal identities and messages. */
export const CONSOLE_CHANNEL = 'console';

const text = {
  banner: '邻里 Linli 终端聊天。直接输入您的问题，比如“你好”、“医保一年交多少钱”；输入 /quit 退出。',
  prompt: '您> ',
  bot: '邻里',
  photo: '照片',
  tooLong: `消息太长了，请控制在 ${MAX_TEXT_LENGTH} 字以内。`,
  invalid: '这条消息没法处理，请换个说法。',
};

export interface ConsoleChannelOptions {
  bot: Bot;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** The user id of the terminal user (default `console:<os user>`). */
  userId?: string;
  /** Called when the user quits (Ctrl-D or /quit). */
  onQuit?: () => void;
}

/**
 * The terminal channel: reads lines, hands them to the bot, prints what the outbox sends.
 *
 * ```ts
 * const console = new ConsoleChannel({ bot });
 * outbox.register(console);
 * console.start();
 * ```
 */
export class ConsoleChannel implements ChannelSender {
  readonly name = CONSOLE_CHANNEL;
  private rl: Interface | null = null;
  private readonly userId: string;
  private readonly session = randomUUID().slice(0, 8);
  private seq = 0;

  constructor(private readonly options: ConsoleChannelOptions) {
    this.userId = options.userId ?? `console:${userInfo().username}`;
  }

  /** Start reading lines. */
  start(): void {
    const output = this.options.output ?? process.stdout;
    this.rl = createInterface({ input: this.options.input ?? process.stdin, output, terminal: false });
    output.write(`${text.banner}\n${text.prompt}`);
    this.rl.on('line', (line) => void this.onLine(line));
    this.rl.on('close', () => this.options.onQuit?.());
  }

  /** Stop reading. */
  stop(): void {
    this.rl?.close();
    this.rl = null;
  }

  /** Print one outbound message (called by the outbox). */
  async send(message: OutboundEnvelope): Promise<void> {
    const output = this.options.output ?? process.stdout;
    const photos = message.attachments.map((a) => `\n[${text.photo}] ${a.path}`).join('');
    output.write(`\n${text.bot}: ${renderNumbered(message.text, message.options).replace(/\n/g, '\n      ')}${photos}\n${text.prompt}`);
  }

  private async onLine(line: string): Promise<void> {
    const output = this.options.output ?? process.stdout;
    const said = line.trim();
    if (said === '/quit' || said === '/exit') return this.stop();
    if (!said) {
      output.write(text.prompt);
      return;
    }
    if (said.length > MAX_TEXT_LENGTH) {
      output.write(`${text.tooLong}\n${text.prompt}`);
      return;
    }
    try {
      await this.options.bot.receive({
        channel: CONSOLE_CHANNEL,
        userId: this.userId,
        messageId: `${this.session}-${++this.seq}`,
        text: said,
      });
    } catch (err) {
      if (!(err instanceof InvalidInboundError)) throw err;
      output.write(`${text.invalid}\n${text.prompt}`);
    }
  }
}
