// Outplans, outdials with their targets, and campaigns: created and read over the lab's routes,
// validated field by field. The executor (campaign-executor.ts) runs them.
import { randomUUID } from 'node:crypto';
import { readAddress } from './address.js';
import type { Address } from './address.js';
import { objectBody, optionalString, requiredUuid } from './body-readers.js';
import type { LabContext } from './context.js';
import { notFound, Problems } from './errors.js';
import { campaignView, DESTINATION_SLOTS, outdialView, outplanView, targetView } from './campaign-model.js';
import type { CampaignRecord, OutdialRecord, OutplanRecord, TargetRecord } from './campaign-model.js';
import { pageOf } from './paging.js';
import type { Page, Paging } from './paging.js';
import { MAX_DELAY_MS } from './settings.js';

/** Outplan defaults where the body says nothing. */
const DEFAULT_DIAL_TIMEOUT_MS = 30_000;
const DEFAULT_TRY_INTERVAL_MS = 60_000;
const MAX_TRY_COUNT = 100;

export class CampaignResources {
  readonly outplans = new Map<string, OutplanRecord>();
  readonly outdials = new Map<string, OutdialRecord>();
  readonly targets = new Map<string, TargetRecord>();
  readonly campaigns = new Map<string, CampaignRecord>();

  constructor(private readonly ctx: LabContext) {}

  createOutplan(body: unknown): object {
    const problems = new Problems();
    const record = objectBody(body, problems);
    const name = optionalString(record?.name, 'name', problems);
    const detail = optionalString(record?.detail, 'detail', problems);
    const source = record && (record.source === undefined ? (problems.add('source', 'is required'), undefined) : readAddress(record.source, 'source', problems));
    const dialTimeout = readInteger(record?.dial_timeout, 'dial_timeout', 1, MAX_DELAY_MS, DEFAULT_DIAL_TIMEOUT_MS, problems);
    const tryInterval = readInteger(record?.try_interval, 'try_interval', 0, MAX_DELAY_MS, DEFAULT_TRY_INTERVAL_MS, problems);
    const maxTryCounts = slots((i) => readInteger(record?.[`max_try_count_${i}`], `max_try_count_${i}`, 0, MAX_TRY_COUNT, 0, problems));
    problems.throwIfAny();
    const outplan: OutplanRecord = { id: randomUUID(), name, detail, source: source!, dialTimeout, tryInterval, maxTryCounts, tmCreate: this.ctx.stamps.unique() };
    this.outplans.set(outplan.id, outplan);
    return outplanView(outplan);
  }

  outplan(id: string): OutplanRecord {
    const outplan = this.outplans.get(id);
    if (!outplan) throw notFound('OUTPLAN', id);
    return outplan;
  }

  createOutdial(body: unknown): object {
    const problems = new Problems();
    const record = objectBody(body, problems);
    const name = optionalString(record?.name, 'name', problems);
    const detail = optionalString(record?.detail, 'detail', problems);
    problems.throwIfAny();
    const outdial: OutdialRecord = { id: randomUUID(), name, detail, tmCreate: this.ctx.stamps.unique() };
    this.outdials.set(outdial.id, outdial);
    return outdialView(outdial);
  }

  outdial(id: string): OutdialRecord {
    const outdial = this.outdials.get(id);
    if (!outdial) throw notFound('OUTDIAL', id);
    return outdial;
  }

  /** POST /outdials/{id}/targets `{name?, detail?, destination_0..4}`: at least one destination. */
  addTarget(outdialId: string, body: unknown): object {
    const outdial = this.outdial(outdialId);
    const problems = new Problems();
    const record = objectBody(body, problems);
    const name = optionalString(record?.name, 'name', problems);
    const detail = optionalString(record?.detail, 'detail', problems);
    const destinations = slots<Address | null>((i) => {
      const value = record?.[`destination_${i}`];
      if (value === undefined || value === null) return null;
      return readAddress(value, `destination_${i}`, problems) ?? null;
    });
    if (record && problems.empty && destinations.every((d) => d === null)) problems.add('destination_0', 'a target needs at least one destination (destination_0 … destination_4)');
    problems.throwIfAny();
    const target: TargetRecord = {
      id: randomUUID(),
      outdialId: outdial.id,
      name,
      detail,
      status: 'idle',
      destinations,
      tryCounts: slots(() => 0),
      tmCreate: this.ctx.stamps.unique(),
    };
    this.targets.set(target.id, target);
    return targetView(target);
  }

  target(outdialId: string, id: string): TargetRecord {
    const target = this.targets.get(id);
    if (!target || target.outdialId !== outdialId) throw notFound('OUTDIAL_TARGET', id);
    return target;
  }

  listTargets(outdialId: string, paging: Paging): Page<object> {
    const outdial = this.outdial(outdialId);
    return pageOf(this.targetsOf(outdial.id), paging, targetView);
  }

  targetsOf(outdialId: string): TargetRecord[] {
    return [...this.targets.values()].filter((t) => t.outdialId === outdialId);
  }

  /** POST /campaigns `{name?, detail?, outplan_id, outdial_id, end_handle?}`; created stopped. */
  createCampaign(body: unknown): CampaignRecord {
    const problems = new Problems();
    const record = objectBody(body, problems);
    const name = optionalString(record?.name, 'name', problems);
    const detail = optionalString(record?.detail, 'detail', problems);
    const outplanId = requiredUuid(record?.outplan_id, 'outplan_id', problems);
    const outdialId = requiredUuid(record?.outdial_id, 'outdial_id', problems);
    const endHandle = record?.end_handle ?? 'stop';
    if (endHandle !== 'stop' && endHandle !== 'continue') problems.add('end_handle', `must be 'stop' or 'continue', got ${JSON.stringify(endHandle)}`);
    problems.throwIfAny();
    this.outplan(outplanId!);
    this.outdial(outdialId!);
    const campaign: CampaignRecord = {
      id: randomUUID(),
      name,
      detail,
      status: 'stop',
      endHandle: endHandle as CampaignRecord['endHandle'],
      outplanId: outplanId!,
      outdialId: outdialId!,
      tmCreate: this.ctx.stamps.unique(),
    };
    this.campaigns.set(campaign.id, campaign);
    return campaign;
  }

  listCampaigns(paging: Paging): Page<object> {
    return pageOf(this.campaigns.values(), paging, campaignView);
  }

  campaign(id: string): CampaignRecord {
    const campaign = this.campaigns.get(id);
    if (!campaign) throw notFound('CAMPAIGN', id);
    return campaign;
  }
}

function slots<T>(read: (index: number) => T): T[] {
  return Array.from({ length: DESTINATION_SLOTS }, (_, index) => read(index));
}

function readInteger(value: unknown, field: string, min: number, max: number, fallback: number, problems: Problems): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.add(field, `must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return fallback;
}
