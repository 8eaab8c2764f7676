/**
 * `admin staff create|list|disable`: console accounts.
 */
import type { Command } from 'commander';
import { checkAccountFields, StaffAccountError, StaffAccounts } from '../accounts.js';
import { STAFF_ROLES } from '../roles.js';
import { adminText } from '../text.js';
import { CliError, say, type CliEnv } from './env.js';
import { excelTime } from './exporters.js';
import { promptHidden } from './prompt.js';

/** The CLI's actor name in the audit log. */
export const CLI_ACTOR = 'cli';

async function accountsOf(env: CliEnv): Promise<StaffAccounts> {
  const { prisma } = await env.db();
  // Lockout settings do not matter here: the CLI never logs anyone in.
  return new StaffAccounts(prisma, { maxFailedLogins: 5, lockoutMinutes: 15, clock: env.clock });
}

async function readPassword(env: CliEnv, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  if (!env.interactive) throw new CliError('no password: pass --password <password> or run in a terminal to be asked for it');
  const stdin = env.stdin as NodeJS.ReadStream;
  const first = await promptHidden(adminText.cli.passwordPrompt, stdin, env.err);
  const second = await promptHidden(adminText.cli.passwordAgain, stdin, env.err);
  if (first !== second) throw new CliError('the two passwords differ; nothing was created');
  return first;
}

async function residentOf(env: CliEnv, spec: string): Promise<number> {
  const colon = spec.indexOf(':');
  if (colon < 1 || colon === spec.length - 1) throw new CliError(`--resident-user must look like channel:externalId (e.g. http:duty-desk), got "${spec}"`);
  const channel = spec.slice(0, colon);
  const externalId = spec.slice(colon + 1);
  const { prisma } = await env.db();
  const identity = await prisma.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId } } });
  if (!identity) throw new CliError(`no resident has written from ${channel}:${externalId} yet (they must send the bot a message first)`);
  return identity.residentId;
}

const when = (at: Date | null) => excelTime(at)?.slice(0, 16) ?? '-';

/** Register `staff`. */
export function registerStaffCommands(program: Command, env: CliEnv): void {
  const staff = program.command('staff').description('admin console accounts');

  staff
    .command('create')
    .description('create a console account')
    .requiredOption('--username <name>', 'login name (a-z 0-9 . _ -)')
    .requiredOption('--role <role>', `one of ${STAFF_ROLES.join(', ')}`)
    .requiredOption('--name <display name>', 'the name shown in the console, e.g. 王芳')
    .option('--grid <grid id>', 'the grid a grid_worker handles (seed/grids.json id)')
    .option('--resident-user <channel:externalId>', 'link the staff member\u2019s own chat, for notifications')
    .option('--password <password>', 'the password (asked without echo when omitted in a terminal)')
    .action(async (o: { username: string; role: string; name: string; grid?: string; residentUser?: string; password?: string }) => {
      try {
        checkAccountFields({ username: o.username, role: o.role, displayName: o.name, gridId: o.grid ?? null });
        const residentId = o.residentUser ? await residentOf(env, o.residentUser) : null;
        const password = await readPassword(env, o.password);
        const account = await (await accountsOf(env)).create(
          { username: o.username, password, role: o.role, displayName: o.name, gridId: o.grid ?? null, residentId },
          CLI_ACTOR,
        );
        say(env, `Created ${account.role} account "${account.username}" (${account.displayName})${residentId ? `, linked to resident ${residentId}` : ''}.`);
      } catch (err) {
        if (err instanceof StaffAccountError) throw new CliError(err.message);
        throw err;
      }
    });

  staff
    .command('list')
    .description('list console accounts')
    .action(async () => {
      const accounts = await (await accountsOf(env)).list();
      if (accounts.length === 0) {
        say(env, 'No accounts yet. Create one with: npm run admin -- staff create --username … --role admin --name …');
        return;
      }
      say(env, ['username'.padEnd(16), 'role'.padEnd(12), 'grid'.padEnd(12), 'last login'.padEnd(17), 'state', '  name'].join(''));
      for (const a of accounts) {
        const state = a.disabledAt ? 'disabled' : a.lockedUntil && a.lockedUntil > env.clock() ? 'locked' : 'active';
        say(env, [a.username.padEnd(16), a.role.padEnd(12), (a.gridId ?? '-').padEnd(12), when(a.lastLoginAt).padEnd(17), state.padEnd(8), a.displayName].join(''));
      }
    });

  staff
    .command('disable')
    .description('disable an account: it cannot log in and its sessions end')
    .argument('<username>')
    .action(async (username: string) => {
      try {
        const changed = await (await accountsOf(env)).disable(username, CLI_ACTOR);
        say(env, changed ? `Disabled "${username}".` : `"${username}" was already disabled.`);
      } catch (err) {
        if (err instanceof StaffAccountError) throw new CliError(err.message);
        throw err;
      }
    });
}
