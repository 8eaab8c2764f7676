/**
 * POST /admin/hazards/:code/:action — 受理 / 处理 / 办结 / 退回 / 转派 / 重复 from the console.
 * The change goes through the hazard domain's lifecycle (same permission rule, timeline entry
 * and audit row as in chat) and its notices go out through `announceChange`, the function the
 * chat commands use, so the reporter reads exactly what a chat action would tell them.
 */
import { announceChange } from '../../../domains/hazards/announce.js';
import type { ActFailure, StaffAction } from '../../../domains/hazards/lifecycle.js';
import { normaliseCode } from '../../../domains/hazards/service.js';
import { redirect, type AdminResponse, type StaffRequest } from '../../http.js';
import { consoleActorOf, type HazardPagesDeps } from './context.js';
import { forbidden, MAX_NOTE, notFound } from './detail-page.js';
import type { HazardNoticeKey } from './text.js';

const ACTIONS: readonly StaffAction[] = ['acknowledge', 'start', 'resolve', 'reject', 'transfer', 'duplicate'];

/** What each refusal shows: a notice on the case's page, or an error page. */
const REFUSAL: Record<ActFailure, HazardNoticeKey | 'forbidden' | 'not_found'> = {
  not_staff: 'forbidden',
  not_your_grid: 'forbidden',
  not_found: 'not_found',
  closed: 'closed',
  already: 'already',
  note_required: 'noteRequired',
  same_grid: 'sameGrid',
  unknown_grid: 'unknownGrid',
  duplicate_target_missing: 'duplicateMissing',
};

/** Handle one action. */
export async function actOnCase(req: StaffRequest, deps: HazardPagesDeps): Promise<AdminResponse> {
  const action = req.params.action as StaffAction;
  const code = normaliseCode(req.params.code ?? '');
  if (!ACTIONS.includes(action) || !code) return notFound();
  const page = (notice: HazardNoticeKey) => redirect(`/admin/hazards/${code}?notice=${notice}`);
  const note = (req.form.get('note') ?? '').trim();
  if ([...note].length > MAX_NOTE) return page('noteTooLong');

  const result = await deps.kit.lifecycle.act({
    code,
    action,
    actor: consoleActorOf(req.staff),
    at: deps.clock(),
    ...(action === 'transfer' ? { toGridId: req.form.get('grid') ?? '' } : {}),
    ...(action === 'duplicate' ? { duplicateOf: req.form.get('of') ?? '' } : {}),
    ...(action === 'resolve' || action === 'reject' ? { note } : {}),
  });
  if (!result.ok) {
    const refusal = REFUSAL[result.reason];
    if (refusal === 'forbidden') return forbidden();
    if (refusal === 'not_found') return notFound();
    return page(refusal);
  }
  await announceChange(deps.kit, (targets, reply) => deps.bot.notify(targets, reply), { ...result, action });
  return page(action);
}
