/**
 * `admin bindcode <gridWorkerId|key>`: a one-time code with which a grid worker binds their
 * chat ("绑定 123456"), issued by the hazards domain's `StaffService.issueStaffBindCode`
 * (earlier unused codes of that worker stop working; audited with the actor `cli`). Codes
 * are stored as keyed hashes, so the CLI needs the same PII key as the bot (PII_KEY, or the
 * development key under DATA_DIR).
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { GridDirectory } from '../../domains/hazards/grids.js';
import { StaffService } from '../../domains/hazards/staff.js';
import { createLogger } from '../../log.js';
import { openVault, type PiiVault } from '../../privacy/vault.js';
import { CliError, say, type CliEnv } from './env.js';
import { excelTime } from './exporters.js';
import { CLI_ACTOR } from './staff.js';

function vaultFromConfig(): PiiVault {
  return openVault(loadConfig(), createLogger({ level: 'warn' }));
}

/** Register `bindcode`. */
export function registerBindCodeCommand(program: Command, env: CliEnv): void {
  program
    .command('bindcode')
    .description('issue a one-time code for a grid worker to bind their chat (valid 24 hours)')
    .argument('<worker>', 'the grid worker\u2019s id, or their key in seed/grids.json (e.g. wuhu-1-leader)')
    .action(async (worker: string) => {
      const { prisma } = await env.db();
      const staff = new StaffService(prisma, vaultFromConfig(), GridDirectory.load());
      const row = /^\d+$/.test(worker) ? await prisma.gridWorker.findUnique({ where: { id: Number(worker) } }) : await staff.workerByKey(worker);
      if (!row) {
        const hint = (await prisma.gridWorker.count()) === 0 ? ' (no grid workers yet: the bot creates them from seed/grids.json when it starts)' : '';
        throw new CliError(`no grid worker "${worker}"${hint}`);
      }
      if (!row.active) throw new CliError(`grid worker "${worker}" (${row.name}) is no longer in seed/grids.json`);
      const { code, expiresAt } = await staff.issueStaffBindCode(row.id, env.clock(), CLI_ACTOR);
      say(env, `Bind code for ${row.name} (${row.gridId}, ${row.role}): ${code}`);
      say(env, `Valid until ${excelTime(expiresAt)!.slice(0, 16)} (Quzhou time). The worker sends "绑定 ${code}" to the bot from their own chat.`);
    });
}
