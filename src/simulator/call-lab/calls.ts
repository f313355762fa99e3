// Call legs: one outgoing call to one destination, driven by the destination's simulated endpoint
// (endpoints.ts) and the per-leg ring timeout. Status goes dialing → ringing → progressing
// (answered) → hangup, with the VoIPbin hang-up reasons (VOIPBIN.md §2.6):
//   normal   answered, then hung up            busy     the callee was busy
//   noanswer rang out (endpoint or ring timeout) failed   unreachable
//   cancel   hung up before an answer (another leg won, or the groupcall was hung up)
//   timeout  stopped by the answer timeout of the Instant Group Call that rang it
// An answer always comes from a timer, never inside dial(), so whoever dials has recorded the leg
// before it can be answered.
import { randomUUID } from 'node:crypto';
import type { Address } from './address.js';
import type { TimerHandle } from './clock.js';
import type { LabContext } from './context.js';
import { notFound, stateInvalid } from './errors.js';
import { pageOf } from './paging.js';
import type { Page, Paging } from './paging.js';
import { formatStamp, LAB_CUSTOMER_ID, NIL_UUID } from './time.js';

export type CallStatus = 'dialing' | 'ringing' | 'progressing' | 'hangup';
export type HangupReason = '' | 'normal' | 'busy' | 'noanswer' | 'failed' | 'cancel' | 'timeout';

/** Told about the legs it dialled (a groupcall, a campaign). */
export interface CallOwner {
  onAnswered(call: CallRecord): void;
  onEnded(call: CallRecord): void;
}

export interface CallRecord {
  readonly id: string;
  readonly source: Address;
  readonly destination: Address;
  status: CallStatus;
  hangupReason: HangupReason;
  /** The groupcall that dialled this leg, when one did. */
  readonly groupcallId: string | undefined;
  readonly tmCreate: number;
  tmRinging?: number;
  tmProgressing?: number;
  tmHangup?: number;
  tmUpdate?: number;
  owner: CallOwner | undefined;
  timers: TimerHandle[];
}

export interface DialOptions {
  /** Given when the dialler recorded the leg's id before dialling it. */
  id?: string;
  owner?: CallOwner;
  groupcallId?: string;
  /** Instead of the lab's ringTimeoutMs (a campaign's outplan dial_timeout). */
  ringTimeoutMs?: number;
}

export class Calls {
  private readonly calls = new Map<string, CallRecord>();
  /** Told about every leg that ends (conferences drop their participant). */
  private readonly endWatchers: ((call: CallRecord) => void)[] = [];

  constructor(private readonly ctx: LabContext) {}

  dial(source: Address, destination: Address, options: DialOptions = {}): CallRecord {
    const { clock, stamps, endpoints, settings } = this.ctx;
    const call: CallRecord = {
      id: options.id ?? randomUUID(),
      source,
      destination,
      status: 'dialing',
      hangupReason: '',
      groupcallId: options.groupcallId,
      tmCreate: stamps.unique(),
      owner: options.owner,
      timers: [],
    };
    this.calls.set(call.id, call);
    this.publish('call_created', call);

    const endpoint = endpoints.behaviourOf(destination.target);
    const after = (ms: number, action: () => void): void => {
      call.timers.push(clock.setTimeout(action, ms));
    };
    // The ring timeout is armed first: at a tie with the endpoint's own timer, the timeout wins.
    after(options.ringTimeoutMs ?? settings.ringTimeoutMs, () => this.end(call, 'noanswer'));
    switch (endpoint.behavior) {
      case 'answer':
        this.ring(call);
        after(endpoint.after_ms ?? 0, () => this.answer(call, endpoint.hangup_after_ms));
        break;
      case 'no_answer':
        this.ring(call);
        if (endpoint.after_ms !== null) after(endpoint.after_ms, () => this.end(call, 'noanswer'));
        break;
      case 'busy':
        after(endpoint.after_ms ?? 0, () => this.end(call, 'busy'));
        break;
      case 'unreachable':
        after(endpoint.after_ms ?? 0, () => this.end(call, 'failed'));
        break;
    }
    return call;
  }

  get(id: string): CallRecord {
    const call = this.calls.get(id);
    if (!call) throw notFound('CALL', id);
    return call;
  }

  list(paging: Paging): Page<object> {
    return pageOf(this.calls.values(), paging, callView);
  }

  /** POST /calls/{id}/hangup: an answered call ends normally, a ringing one is cancelled. */
  hangupById(id: string): CallRecord {
    const call = this.get(id);
    if (call.status === 'hangup') throw stateInvalid(`call ${id} has already hung up (${call.hangupReason})`);
    this.hangup(call);
    return call;
  }

  /** Ends a live leg from our side: `normal` once answered, else `reason` (cancel by default). */
  hangup(call: CallRecord, reason: HangupReason = 'cancel'): void {
    this.end(call, call.status === 'progressing' ? 'normal' : reason);
  }

  onEnd(watcher: (call: CallRecord) => void): void {
    this.endWatchers.push(watcher);
  }

  private ring(call: CallRecord): void {
    call.status = 'ringing';
    call.tmRinging = this.ctx.stamps.now();
    call.tmUpdate = call.tmRinging;
    this.publish('call_ringing', call);
  }

  private answer(call: CallRecord, hangupAfterMs: number | undefined): void {
    if (call.status !== 'ringing' && call.status !== 'dialing') return;
    this.clearTimers(call);
    call.status = 'progressing';
    call.tmProgressing = this.ctx.stamps.now();
    call.tmUpdate = call.tmProgressing;
    this.publish('call_progressing', call);
    if (hangupAfterMs !== undefined) call.timers.push(this.ctx.clock.setTimeout(() => this.end(call, 'normal'), hangupAfterMs));
    call.owner?.onAnswered(call);
  }

  private end(call: CallRecord, reason: HangupReason): void {
    if (call.status === 'hangup') return;
    this.clearTimers(call);
    call.status = 'hangup';
    call.hangupReason = reason;
    call.tmHangup = this.ctx.stamps.now();
    call.tmUpdate = call.tmHangup;
    this.publish('call_hangup', call);
    call.owner?.onEnded(call);
    for (const watcher of this.endWatchers) watcher(call);
  }

  private clearTimers(call: CallRecord): void {
    for (const timer of call.timers) this.ctx.clock.clearTimeout(timer);
    call.timers = [];
  }

  private publish(type: string, call: CallRecord): void {
    this.ctx.events.emit(type, callView(call));
  }
}

/** The call as GET /v1.0/calls/{id} answers it. */
export function callView(call: CallRecord): object {
  return {
    id: call.id,
    customer_id: LAB_CUSTOMER_ID,
    source: call.source,
    destination: call.destination,
    status: call.status,
    direction: 'outgoing',
    hangup_reason: call.hangupReason,
    groupcall_id: call.groupcallId ?? NIL_UUID,
    tm_create: formatStamp(call.tmCreate),
    tm_ringing: formatStamp(call.tmRinging),
    tm_progressing: formatStamp(call.tmProgressing),
    tm_hangup: formatStamp(call.tmHangup),
    tm_update: formatStamp(call.tmUpdate),
    tm_delete: formatStamp(undefined),
  };
}
