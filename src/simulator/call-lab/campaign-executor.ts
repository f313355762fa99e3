// The campaign executor and its campaigncalls (VOIPBIN.md §4.2–4.4, with the lab's fixes of §5).
// A running campaign dials one target per pass: the idle target updated longest ago that still has
// tries left at some index and whose try_interval has passed since its last attempt (or that was
// never tried), at the lowest such index. Its campaigncall goes dialing → progressing (the call
// answered) → done, and the result comes from the call's hang-up reason: only `normal` is success.
// success marks the target done; fail sets it back to idle, so it is retried after try_interval
// while try_count_i < max_try_count_i, then the next index is tried.
// Pace: again 500 ms after a dial; otherwise at the next retry due, or 5 s. With end_handle stop,
// the campaign stops when nothing is left to dial and no call is up.
import { randomUUID } from 'node:crypto';
import type { CallOwner, Calls, CallRecord } from './calls.js';
import type { LabContext } from './context.js';
import { notFound, Problems, stateInvalid } from './errors.js';
import { campaigncallView, campaignView } from './campaign-model.js';
import type { CampaigncallRecord, CampaignRecord, OutplanRecord, TargetRecord } from './campaign-model.js';
import type { CampaignResources } from './campaign-resources.js';
import { objectBody } from './body-readers.js';
import { pageOf } from './paging.js';
import type { Page, Paging } from './paging.js';
import { CAMPAIGN_PACE } from './settings.js';

export class CampaignExecutor {
  private readonly campaigncalls = new Map<string, CampaigncallRecord>();

  constructor(
    private readonly ctx: LabContext,
    private readonly calls: Calls,
    private readonly resources: CampaignResources,
  ) {}

  /** PUT /campaigns/{id}/status `{status: "run"|"stop"}`. */
  setStatus(id: string, body: unknown): object {
    const campaign = this.resources.campaign(id);
    const problems = new Problems();
    const status = objectBody(body, problems)?.status;
    if (status !== 'run' && status !== 'stop') problems.add('status', `must be 'run' or 'stop', got ${JSON.stringify(status) ?? 'nothing'}`);
    problems.throwIfAny();
    if (status === 'run' && campaign.status !== 'run') {
      this.setCampaignStatus(campaign, 'run');
      this.schedule(campaign, 0);
    } else if (status === 'stop' && campaign.status === 'run') {
      this.ctx.clock.clearTimeout(campaign.timer);
      this.setCampaignStatus(campaign, this.liveCallsOf(campaign) > 0 ? 'stopping' : 'stop');
    }
    return campaignView(campaign);
  }

  get(id: string): CampaigncallRecord {
    const cc = this.campaigncalls.get(id);
    if (!cc) throw notFound('CAMPAIGNCALL', id);
    return cc;
  }

  /** All campaigncalls, or one campaign's; deleted ones are left out. */
  list(paging: Paging, campaignId?: string): Page<object> {
    if (campaignId !== undefined) this.resources.campaign(campaignId);
    const rows = [...this.campaigncalls.values()].filter((cc) => cc.tmDelete === undefined && (campaignId === undefined || cc.campaignId === campaignId));
    return pageOf(rows, paging, campaigncallView);
  }

  /** Only a done campaigncall can be deleted (VoIPbin answers 200 and deletes nothing). */
  delete(id: string): CampaigncallRecord {
    const cc = this.get(id);
    if (cc.status !== 'done') throw stateInvalid(`campaigncall ${id} is ${cc.status}: only a done campaigncall can be deleted`);
    if (cc.tmDelete === undefined) {
      cc.tmDelete = this.ctx.stamps.now();
      cc.tmUpdate = cc.tmDelete;
      this.publish('campaigncall_deleted', cc);
    }
    return cc;
  }

  // ---- the executor ----------------------------------------------------------------------------

  private schedule(campaign: CampaignRecord, ms: number): void {
    this.ctx.clock.clearTimeout(campaign.timer);
    campaign.timer = this.ctx.clock.setTimeout(() => this.pass(campaign), ms);
  }

  private pass(campaign: CampaignRecord): void {
    delete campaign.timer;
    if (campaign.status !== 'run') return;
    const outplan = this.resources.outplan(campaign.outplanId);
    const now = this.ctx.stamps.now();
    const waiting = this.resources.targetsOf(campaign.outdialId).filter((t) => t.status === 'idle' && nextIndex(t, outplan) !== undefined);
    const ready = waiting
      .filter((t) => t.tmUpdate === undefined || t.tmUpdate + outplan.tryInterval * 1000 <= now)
      .sort((a, b) => (a.tmUpdate ?? a.tmCreate) - (b.tmUpdate ?? b.tmCreate));
    const target = ready[0];
    if (target) {
      this.dial(campaign, outplan, target, nextIndex(target, outplan)!);
      return this.schedule(campaign, CAMPAIGN_PACE.afterDialMs);
    }
    if (waiting.length > 0) {
      const due = Math.min(...waiting.map((t) => t.tmUpdate! + outplan.tryInterval * 1000));
      return this.schedule(campaign, Math.max(0, Math.min(CAMPAIGN_PACE.idleMs, Math.ceil((due - now) / 1000))));
    }
    if (campaign.endHandle === 'stop' && this.liveCallsOf(campaign) === 0) return this.setCampaignStatus(campaign, 'stop');
    this.schedule(campaign, CAMPAIGN_PACE.idleMs);
  }

  private dial(campaign: CampaignRecord, outplan: OutplanRecord, target: TargetRecord, index: number): void {
    target.status = 'progressing';
    target.tryCounts[index]!++;
    target.tmUpdate = this.ctx.stamps.now();
    const destination = target.destinations[index]!;
    const cc: CampaigncallRecord = {
      id: randomUUID(),
      campaignId: campaign.id,
      outplanId: outplan.id,
      outdialId: campaign.outdialId,
      outdialTargetId: target.id,
      referenceId: randomUUID(),
      status: 'dialing',
      result: '',
      source: outplan.source,
      destination,
      destinationIndex: index,
      tryCount: target.tryCounts[index]!,
      tmCreate: this.ctx.stamps.unique(),
    };
    this.campaigncalls.set(cc.id, cc);
    this.publish('campaigncall_created', cc);
    const owner: CallOwner = {
      onAnswered: () => this.update(cc, 'progressing'),
      onEnded: (call) => this.callEnded(campaign, target, cc, call),
    };
    this.calls.dial(outplan.source, destination, { id: cc.referenceId, owner, ringTimeoutMs: outplan.dialTimeout });
  }

  private callEnded(campaign: CampaignRecord, target: TargetRecord, cc: CampaigncallRecord, call: CallRecord): void {
    cc.result = call.hangupReason === 'normal' ? 'success' : 'fail';
    this.update(cc, 'done');
    target.status = cc.result === 'success' ? 'done' : 'idle';
    // The try interval counts from the end of this attempt.
    target.tmUpdate = this.ctx.stamps.now();
    if (campaign.status === 'stopping' && this.liveCallsOf(campaign) === 0) this.setCampaignStatus(campaign, 'stop');
    // Look again now: a retry may be due sooner than the pass already planned.
    if (campaign.status === 'run') this.schedule(campaign, 0);
  }

  private update(cc: CampaigncallRecord, status: CampaigncallRecord['status']): void {
    cc.status = status;
    cc.tmUpdate = this.ctx.stamps.now();
    this.publish('campaigncall_updated', cc);
  }

  private setCampaignStatus(campaign: CampaignRecord, status: CampaignRecord['status']): void {
    campaign.status = status;
    campaign.tmUpdate = this.ctx.stamps.now();
    this.ctx.events.emit('campaign_updated', campaignView(campaign));
  }

  private liveCallsOf(campaign: CampaignRecord): number {
    let live = 0;
    for (const cc of this.campaigncalls.values()) if (cc.campaignId === campaign.id && cc.status !== 'done') live++;
    return live;
  }

  private publish(type: string, cc: CampaigncallRecord): void {
    this.ctx.events.emit(type, campaigncallView(cc));
  }
}

/** The lowest destination index that is set and has tries left, if any. */
function nextIndex(target: TargetRecord, outplan: OutplanRecord): number | undefined {
  for (let i = 0; i < target.destinations.length; i++) {
    if (target.destinations[i] && target.tryCounts[i]! < (outplan.maxTryCounts[i] ?? 0)) return i;
  }
  return undefined;
}
