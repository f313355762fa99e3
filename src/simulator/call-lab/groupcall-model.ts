// The groupcall record and its JSON: the documented `Groupcall` struct (VOIPBIN.md §2.1), the code
// model's extra fields (status, master/answer groupcall ids, counts, dial_index), and three of the
// lab's own: `hangup_reason` (why it ended), `instance` (the Instant Group Call it rings) and
// `notes` (what the lab decided: a loop cut, an inactive instance, an answer timeout).
import type { Address } from './address.js';
import type { TimerHandle } from './clock.js';
import type { InstantGroupCallRecord } from '../world/types.js';
import { formatStamp, LAB_CUSTOMER_ID, NIL_UUID } from './time.js';

export const RING_METHODS = ['ring_all', 'linear'] as const;
export type RingMethod = (typeof RING_METHODS)[number];
export const ANSWER_METHODS = ['hangup_others'] as const;
export type AnswerMethod = (typeof ANSWER_METHODS)[number];

export type GroupcallStatus = 'progressing' | 'hangingup' | 'hangup';
/** '' while live; `normal` answered; `noanswer`/`busy` nobody answered; `timeout` the instance's answer timeout; `failed` nothing could ring; `cancel` hung up first. */
export type GroupcallEnd = '' | 'normal' | 'noanswer' | 'busy' | 'timeout' | 'failed' | 'cancel';

/** A leg by id: a call (Calls) or a child groupcall (Groupcalls). */
export interface Leg {
  kind: 'call' | 'groupcall';
  id: string;
}

export interface GroupcallRecord {
  readonly id: string;
  readonly source: Address;
  readonly destinations: Address[];
  readonly ringMethod: RingMethod;
  readonly answerMethod: AnswerMethod;
  answerCallId: string;
  answerGroupcallId: string;
  readonly callIds: string[];
  readonly groupcallIds: string[];
  status: GroupcallStatus;
  hangupReason: GroupcallEnd;
  readonly parent: GroupcallRecord | undefined;
  dialIndex: number;
  /** The Instant Group Call this groupcall rings, when it rings one. */
  readonly instance: InstantGroupCallRecord | undefined;
  /** Service user ids of the instances from the top groupcall down to this one: a loop is a repeat. */
  readonly chain: readonly string[];
  readonly notes: string[];
  readonly tmCreate: number;
  tmUpdate?: number;
  tmDelete?: number;

  // ---- run time ----
  legs: Leg[];
  /** Ids of the legs still up. */
  readonly live: Set<string>;
  /** How each ended leg ended (call hangup_reason or child groupcall hangup_reason). */
  readonly outcomes: string[];
  answeredLegId?: string;
  /** The reason unanswered legs get while hanging up (cancel, timeout). */
  hangingUpReason?: GroupcallEnd;
  /** Legs are being dialled: a leg that ends at once must not settle the groupcall yet. */
  starting: boolean;
  answerTimer?: TimerHandle;
  /** linear only: the per-leg ring timeout of a child groupcall leg (call legs time out by themselves). */
  legTimer?: TimerHandle;
}

export function groupcallView(gc: GroupcallRecord): object {
  let calls = 0;
  let groupcalls = 0;
  for (const leg of gc.legs) if (gc.live.has(leg.id)) leg.kind === 'call' ? calls++ : groupcalls++;
  return {
    id: gc.id,
    customer_id: LAB_CUSTOMER_ID,
    source: gc.source,
    destinations: gc.destinations,
    ring_method: gc.ringMethod,
    answer_method: gc.answerMethod,
    answer_call_id: gc.answerCallId,
    call_ids: [...gc.callIds],
    tm_create: formatStamp(gc.tmCreate),
    tm_update: formatStamp(gc.tmUpdate),
    tm_delete: formatStamp(gc.tmDelete),
    status: gc.status,
    master_groupcall_id: gc.parent?.id ?? NIL_UUID,
    answer_groupcall_id: gc.answerGroupcallId,
    groupcall_ids: [...gc.groupcallIds],
    call_count: calls,
    groupcall_count: groupcalls,
    dial_index: gc.dialIndex,
    hangup_reason: gc.hangupReason,
    instance: gc.instance ? instanceView(gc.instance) : null,
    notes: [...gc.notes],
  };
}

function instanceView(igc: InstantGroupCallRecord): object {
  return {
    service_user_id: igc.serviceUserId,
    phone_number: igc.phoneNumber ?? '',
    extension: igc.extension ?? '',
    is_active: igc.isActive,
    answer_timeout_minutes: igc.isAnswerTimeoutEnabled ? (igc.answerTimeoutMinutes ?? null) : null,
  };
}
