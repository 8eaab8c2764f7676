/**
 * Logging the bot's WeChat account in: the QR code in the terminal, and a clear log line for
 * each login and logout. The session itself lives in Wechaty's memory card, so a restart
 * logs in again without a scan while web WeChat keeps the session.
 */
import type { Logger } from 'pino';
import qrcodeTerminal from 'qrcode-terminal';
import { ScanStatus, qrcodeValueToImageUrl, type Wechaty } from 'wechaty';
import { wechatOperatorText } from './text.js';

export interface LoginWatchOptions {
  log: Logger;
  /** Where the QR code and its link are printed (the operator's terminal). */
  output: NodeJS.WritableStream;
  /** Called after each login (e.g. to send what waited while logged out). */
  onLogin?: () => void;
}

/**
 * Print each login QR code and log logins and logouts.
 *
 * @example
 * ```ts
 * watchLogin(wechaty, { log, output: process.stderr, onLogin: () => outbox.kick() });
 * ```
 */
export function watchLogin(wechaty: Wechaty, options: LoginWatchOptions): void {
  const { log, output } = options;
  wechaty.on('scan', (qrcode, status) => {
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) {
      log.info({ status: ScanStatus[status] }, 'wechat: QR code scanned, waiting for confirmation on the phone');
      return;
    }
    const url = qrcodeValueToImageUrl(qrcode);
    qrcodeTerminal.generate(qrcode, { small: true }, (art) => output.write(`${art}\n`));
    output.write(`${wechatOperatorText.scanHint(url)}\n`);
    log.info({ url }, 'wechat: scan the QR code with the bot account to log in');
  });
  wechaty.on('login', (user) => {
    log.info({ account: user.name() }, `wechat: logged in as ${user.name()}`);
    options.onLogin?.();
  });
  wechaty.on('logout', (user, reason) => {
    log.warn(
      { account: user.name(), reason },
      'wechat: logged out; messages wait in the outbox; scan the next QR code to log in again',
    );
  });
}
