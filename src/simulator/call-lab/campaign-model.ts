// Campaign resources (VOIPBIN.md §4): an outplan (source, dial_timeout, try_interval,
// max_try_count_0..4), an outdial with its targets (destination_0..4, try_count_0..4, status
// idle|progressing|done), a campaign tying one outplan to one outdial, and the campaigncalls its
// executor creates. Records and their JSON.
import type { Address } from './address.js';
import type { TimerHandle } from './clock.js';
import { formatStamp, LAB_CUSTOMER_ID, NIL_UUID } from './time.js';

/** destination_0 … destination_4. */
export const DESTINATION_SLOTS = 5;

export interface OutplanRecord {
  id: string;
  name: string;
  detail: string;
  source: Address;
  /** ms; the ring timeout of each campaign leg (VoIPbin stores it and ignores it). */
  dialTimeout: number;
  /** ms from the end of a failed attempt to the next try of the same target. */
  tryInterval: number;
  maxTryCounts: number[];
  tmCreate: number;
}

export interface OutdialRecord {
  id: string;
  name: string;
  detail: string;
  tmCreate: number;
}

export interface TargetRecord {
  id: string;
  outdialId: string;
  name: string;
  detail: string;
  status: 'idle' | 'progressing' | 'done';
  destinations: (Address | null)[];
  tryCounts: number[];
  tmCreate: number;
  tmUpdate?: number;
}

export type CampaignStatus = 'stop' | 'run' | 'stopping';

export interface CampaignRecord {
  id: string;
  name: string;
  detail: string;
  status: CampaignStatus;
  /** stop: the campaign stops when no target is left to dial; continue: it waits for new targets. */
  endHandle: 'stop' | 'continue';
  outplanId: string;
  outdialId: string;
  tmCreate: number;
  tmUpdate?: number;
  timer?: TimerHandle;
}

export interface CampaigncallRecord {
  id: string;
  campaignId: string;
  outplanId: string;
  outdialId: string;
  outdialTargetId: string;
  referenceId: string;
  status: 'dialing' | 'progressing' | 'done';
  result: '' | 'success' | 'fail';
  source: Address;
  destination: Address;
  destinationIndex: number;
  tryCount: number;
  tmCreate: number;
  tmUpdate?: number;
  tmDelete?: number;
}

export function outplanView(o: OutplanRecord): object {
  const view: Record<string, unknown> = {
    id: o.id,
    customer_id: LAB_CUSTOMER_ID,
    name: o.name,
    detail: o.detail,
    source: o.source,
    dial_timeout: o.dialTimeout,
    try_interval: o.tryInterval,
  };
  o.maxTryCounts.forEach((n, i) => (view[`max_try_count_${i}`] = n));
  return { ...view, tm_create: formatStamp(o.tmCreate), tm_update: formatStamp(undefined), tm_delete: formatStamp(undefined) };
}

export function outdialView(o: OutdialRecord): object {
  return { id: o.id, customer_id: LAB_CUSTOMER_ID, name: o.name, detail: o.detail, tm_create: formatStamp(o.tmCreate), tm_update: formatStamp(undefined), tm_delete: formatStamp(undefined) };
}

export function targetView(t: TargetRecord): object {
  const view: Record<string, unknown> = { id: t.id, outdial_id: t.outdialId, name: t.name, detail: t.detail, status: t.status };
  t.destinations.forEach((d, i) => (view[`destination_${i}`] = d));
  t.tryCounts.forEach((n, i) => (view[`try_count_${i}`] = n));
  return { ...view, tm_create: formatStamp(t.tmCreate), tm_update: formatStamp(t.tmUpdate), tm_delete: formatStamp(undefined) };
}

export function campaignView(c: CampaignRecord): object {
  return {
    id: c.id,
    customer_id: LAB_CUSTOMER_ID,
    type: 'call',
    name: c.name,
    detail: c.detail,
    status: c.status,
    end_handle: c.endHandle,
    outplan_id: c.outplanId,
    outdial_id: c.outdialId,
    tm_create: formatStamp(c.tmCreate),
    tm_update: formatStamp(c.tmUpdate),
    tm_delete: formatStamp(undefined),
  };
}

export function campaigncallView(cc: CampaigncallRecord): object {
  return {
    id: cc.id,
    customer_id: LAB_CUSTOMER_ID,
    campaign_id: cc.campaignId,
    outplan_id: cc.outplanId,
    outdial_id: cc.outdialId,
    outdial_target_id: cc.outdialTargetId,
    queue_id: NIL_UUID,
    activeflow_id: NIL_UUID,
    flow_id: NIL_UUID,
    reference_type: 'call',
    reference_id: cc.referenceId,
    status: cc.status,
    result: cc.result,
    source: cc.source,
    destination: cc.destination,
    destination_index: cc.destinationIndex,
    try_count: cc.tryCount,
    tm_create: formatStamp(cc.tmCreate),
    tm_update: formatStamp(cc.tmUpdate),
    tm_delete: formatStamp(cc.tmDelete),
  };
}
