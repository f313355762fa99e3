// Conferences and their participants, the conferencecalls (VOIPBIN.md §3), with the transition guard
// VoIPbin documents but does not enforce: status only moves forward, joining → joined → leaving →
// leaved; every exit (a kick, the call hanging up, the conference ending) passes through leaving;
// leaved is final, and a change that is not forward is refused (409 STATE_INVALID).
// The simulated media bridge takes CONFERENCE_BRIDGE_MS to join or drop a participant.
import { randomUUID } from 'node:crypto';
import type { TimerHandle } from './clock.js';
import type { CallRecord, Calls } from './calls.js';
import type { LabContext } from './context.js';
import { objectBody, optionalString, requiredUuid } from './body-readers.js';
import { notFound, Problems, stateInvalid } from './errors.js';
import { pageOf } from './paging.js';
import type { Page, Paging } from './paging.js';
import { CONFERENCE_BRIDGE_MS } from './settings.js';
import { formatStamp, LAB_CUSTOMER_ID } from './time.js';

export const CONFERENCECALL_STATUSES = ['joining', 'joined', 'leaving', 'leaved'] as const;
export type ConferencecallStatus = (typeof CONFERENCECALL_STATUSES)[number];

/** The guard: only a later status is a move; nothing leaves `leaved`. */
export function isForward(from: ConferencecallStatus, to: ConferencecallStatus): boolean {
  return CONFERENCECALL_STATUSES.indexOf(to) > CONFERENCECALL_STATUSES.indexOf(from);
}

interface ConferenceRecord {
  id: string;
  name: string;
  detail: string;
  status: 'progressing' | 'terminated';
  conferencecallIds: string[];
  tmCreate: number;
  tmUpdate?: number;
  tmDelete?: number;
}

interface ConferencecallRecord {
  id: string;
  conferenceId: string;
  referenceId: string;
  status: ConferencecallStatus;
  tmCreate: number;
  tmUpdate?: number;
  timer?: TimerHandle;
}

export class Conferences {
  private readonly conferences = new Map<string, ConferenceRecord>();
  private readonly participants = new Map<string, ConferencecallRecord>();

  constructor(
    private readonly ctx: LabContext,
    private readonly calls: Calls,
  ) {
    calls.onEnd((call) => this.callEnded(call));
  }

  createConference(body: unknown): object {
    const problems = new Problems();
    const record = objectBody(body, problems);
    const name = optionalString(record?.name, 'name', problems);
    const detail = optionalString(record?.detail, 'detail', problems);
    problems.throwIfAny();
    const conference: ConferenceRecord = { id: randomUUID(), name, detail, status: 'progressing', conferencecallIds: [], tmCreate: this.ctx.stamps.unique() };
    this.conferences.set(conference.id, conference);
    return conferenceView(conference);
  }

  getConference(id: string): object {
    return conferenceView(this.conference(id));
  }

  listConferences(paging: Paging): Page<object> {
    return pageOf([...this.conferences.values()].filter((c) => c.tmDelete === undefined), paging, conferenceView);
  }

  /** Ends the conference: every participant still in it is kicked. */
  deleteConference(id: string): object {
    const conference = this.conference(id);
    if (conference.status === 'progressing') {
      for (const ccId of conference.conferencecallIds) this.leave(this.participants.get(ccId)!);
      conference.status = 'terminated';
      conference.tmDelete = this.ctx.stamps.now();
      conference.tmUpdate = conference.tmDelete;
    }
    return conferenceView(conference);
  }

  /** POST /conferencecalls: an answered call joins a running conference. */
  join(body: unknown): object {
    const problems = new Problems();
    const record = objectBody(body, problems);
    const conferenceId = requiredUuid(record?.conference_id, 'conference_id', problems);
    if (record && record.reference_type !== 'call') {
      problems.add('reference_type', `must be 'call' (the only reference type), got ${JSON.stringify(record.reference_type) ?? 'nothing'}`);
    }
    const referenceId = requiredUuid(record?.reference_id, 'reference_id', problems);
    problems.throwIfAny();
    const conference = this.conference(conferenceId!);
    if (conference.status !== 'progressing') throw stateInvalid(`conference ${conference.id} has ended`);
    const call = this.calls.get(referenceId!);
    if (call.status !== 'progressing') throw stateInvalid(`call ${call.id} must be answered (status progressing) to join, it is ${call.status}`);
    const already = [...this.participants.values()].find((cc) => cc.referenceId === call.id && cc.status !== 'leaved');
    if (already) throw stateInvalid(`call ${call.id} is already in conference ${already.conferenceId} (conferencecall ${already.id})`);

    const cc: ConferencecallRecord = { id: randomUUID(), conferenceId: conference.id, referenceId: call.id, status: 'joining', tmCreate: this.ctx.stamps.unique() };
    this.participants.set(cc.id, cc);
    conference.conferencecallIds.push(cc.id);
    this.publish('conferencecall_joining', cc);
    cc.timer = this.ctx.clock.setTimeout(() => this.move(cc, 'joined'), CONFERENCE_BRIDGE_MS);
    return conferencecallView(cc);
  }

  getConferencecall(id: string): object {
    return conferencecallView(this.participant(id));
  }

  listConferencecalls(paging: Paging): Page<object> {
    return pageOf(this.participants.values(), paging, conferencecallView);
  }

  /** DELETE /conferencecalls/{id}: the kick. Refused once the participant is leaving or gone. */
  kick(id: string): object {
    const cc = this.participant(id);
    if (!isForward(cc.status, 'leaving')) {
      throw stateInvalid(`conferencecall ${id} is ${cc.status}: status only moves forward (joining → joined → leaving → leaved)${cc.status === 'leaved' ? ', and leaved is final' : ''}`);
    }
    this.leave(cc);
    return conferencecallView(cc);
  }

  private callEnded(call: CallRecord): void {
    for (const cc of this.participants.values()) if (cc.referenceId === call.id) this.leave(cc);
  }

  /** leaving now, leaved when the bridge has dropped the channel; a no-op once leaving. */
  private leave(cc: ConferencecallRecord): void {
    if (!this.move(cc, 'leaving')) return;
    this.ctx.clock.clearTimeout(cc.timer);
    cc.timer = this.ctx.clock.setTimeout(() => this.move(cc, 'leaved'), CONFERENCE_BRIDGE_MS);
  }

  /** The one place status changes: false (and nothing changes) when the move is not forward. */
  private move(cc: ConferencecallRecord, to: ConferencecallStatus): boolean {
    if (!isForward(cc.status, to)) return false;
    cc.status = to;
    cc.tmUpdate = this.ctx.stamps.now();
    this.publish(`conferencecall_${to}`, cc);
    return true;
  }

  private conference(id: string): ConferenceRecord {
    const conference = this.conferences.get(id);
    if (!conference) throw notFound('CONFERENCE', id);
    return conference;
  }

  private participant(id: string): ConferencecallRecord {
    const cc = this.participants.get(id);
    if (!cc) throw notFound('CONFERENCECALL', id);
    return cc;
  }

  private publish(type: string, cc: ConferencecallRecord): void {
    this.ctx.events.emit(type, conferencecallView(cc));
  }
}

function conferenceView(c: ConferenceRecord): object {
  return {
    id: c.id,
    customer_id: LAB_CUSTOMER_ID,
    type: 'conference',
    status: c.status,
    name: c.name,
    detail: c.detail,
    conferencecall_ids: [...c.conferencecallIds],
    tm_create: formatStamp(c.tmCreate),
    tm_update: formatStamp(c.tmUpdate),
    tm_delete: formatStamp(c.tmDelete),
  };
}

function conferencecallView(cc: ConferencecallRecord): object {
  return {
    id: cc.id,
    customer_id: LAB_CUSTOMER_ID,
    conference_id: cc.conferenceId,
    reference_type: 'call',
    reference_id: cc.referenceId,
    status: cc.status,
    tm_create: formatStamp(cc.tmCreate),
    tm_update: formatStamp(cc.tmUpdate),
    tm_delete: formatStamp(undefined),
  };
}
