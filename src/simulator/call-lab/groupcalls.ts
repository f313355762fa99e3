// The groupcall engine (VOIPBIN.md §2.3–2.5, with the lab's fixes of §5).
//   ring_all  every leg at once; the first answer wins, atomically, and every other leg is cancelled.
//   linear    one leg at a time, in order; busy, no answer (per-leg ring timeout) or failure moves on;
//             the first answer stops it.
//   nesting   a destination that reaches an Instant Group Call of the World becomes a child groupcall
//             ringing that instance's destinations (ring_all + hangup_others, bounded by its answer
//             timeout when enabled; an inactive instance fails at once). A child's answer answers
//             the parent. An instance already on the way down (A → B → A) is not dialled again, and
//             the groupcall says so in `notes`.
// Like VoIPbin, the leg ids are recorded before any leg starts, so `groupcall_created` lists them.
import { randomUUID } from 'node:crypto';
import type { InstantGroupCallRecord } from '../world/types.js';
import type { Address } from './address.js';
import type { CallOwner, Calls } from './calls.js';
import type { LabContext } from './context.js';
import { notFound, Problems, stateInvalid } from './errors.js';
import { groupcallView } from './groupcall-model.js';
import type { AnswerMethod, GroupcallEnd, GroupcallRecord, RingMethod } from './groupcall-model.js';
import { readGroupcallRequest } from './groupcall-request.js';
import { findInstance, instanceDestinations, instanceLabel } from './instances.js';
import { pageOf } from './paging.js';
import type { Page, Paging } from './paging.js';
import { NIL_UUID } from './time.js';

/** How the lab stops a leg that has not answered. */
type LegStop = 'cancel' | 'timeout' | 'noanswer';

type Step =
  | { kind: 'call'; id: string; destination: Address }
  | { kind: 'groupcall'; id: string; instance: InstantGroupCallRecord };

interface NewGroupcall {
  id?: string;
  source: Address;
  destinations: Address[];
  ringMethod: RingMethod;
  answerMethod: AnswerMethod;
  parent: GroupcallRecord | undefined;
  instance: InstantGroupCallRecord | undefined;
  chain: readonly string[];
}

export class Groupcalls {
  private readonly all = new Map<string, GroupcallRecord>();

  constructor(
    private readonly ctx: LabContext,
    private readonly calls: Calls,
  ) {}

  // ---- the routes ------------------------------------------------------------------------------

  create(body: unknown): GroupcallRecord {
    const request = readGroupcallRequest(body);
    const problems = new Problems();
    const lookups = request.destinations.map((destination, index) => {
      const lookup = findInstance(this.ctx.world, destination);
      if (lookup.kind === 'ambiguous') problems.add(`destinations[${index}].target`, lookup.message);
      return lookup;
    });
    problems.throwIfAny();
    const only = lookups.length === 1 ? lookups[0] : undefined;
    if (only?.kind === 'instance') {
      // Dialling an instance: the groupcall is the instance's own ring_all + hangup_others.
      const notes = request.ringMethodGiven && request.ringMethod !== 'ring_all'
        ? [`ring_method ${request.ringMethod} replaced by ring_all: an Instant Group Call rings all its destinations at once`]
        : [];
      return this.startInstance(only.record, request.source, undefined, [], notes);
    }
    const gc = this.newGroupcall({ ...request, parent: undefined, instance: undefined, chain: [] });
    this.start(gc);
    return gc;
  }

  get(id: string): GroupcallRecord {
    const gc = this.all.get(id);
    if (!gc) throw notFound('GROUPCALL', id);
    return gc;
  }

  /** Deleted groupcalls are left out, as in VoIPbin. */
  list(paging: Paging): Page<object> {
    return pageOf([...this.all.values()].filter((gc) => gc.tmDelete === undefined), paging, groupcallView);
  }

  hangupById(id: string): GroupcallRecord {
    const gc = this.get(id);
    if (gc.status === 'hangup') throw stateInvalid(`groupcall ${id} has already hung up (${gc.hangupReason})`);
    this.hangup(gc, 'cancel');
    return gc;
  }

  /** Hangs up a live groupcall first, then sets tm_delete; a repeat answers the record unchanged. */
  delete(id: string): GroupcallRecord {
    const gc = this.get(id);
    if (gc.tmDelete !== undefined) return gc;
    if (gc.status === 'progressing') this.hangup(gc, 'cancel');
    gc.tmDelete = this.ctx.stamps.now();
    gc.tmUpdate = gc.tmDelete;
    this.publish('groupcall_deleted', gc);
    return gc;
  }

  // ---- starting --------------------------------------------------------------------------------

  private newGroupcall(spec: NewGroupcall): GroupcallRecord {
    const gc: GroupcallRecord = {
      id: spec.id ?? randomUUID(),
      source: spec.source,
      destinations: spec.destinations,
      ringMethod: spec.ringMethod,
      answerMethod: spec.answerMethod,
      answerCallId: NIL_UUID,
      answerGroupcallId: NIL_UUID,
      callIds: [],
      groupcallIds: [],
      status: 'progressing',
      hangupReason: '',
      parent: spec.parent,
      dialIndex: 0,
      instance: spec.instance,
      chain: spec.chain,
      notes: [],
      tmCreate: this.ctx.stamps.unique(),
      legs: [],
      live: new Set(),
      outcomes: [],
      starting: false,
    };
    this.all.set(gc.id, gc);
    return gc;
  }

  private startInstance(igc: InstantGroupCallRecord, source: Address, parent: GroupcallRecord | undefined, chain: readonly string[], notes: string[], id?: string): GroupcallRecord {
    const { addresses, notes: unusable } = instanceDestinations(this.ctx.world, igc);
    const gc = this.newGroupcall({
      id,
      source,
      destinations: addresses,
      ringMethod: 'ring_all',
      answerMethod: 'hangup_others',
      parent,
      // A copy: a later change of the instance does not rewrite what this groupcall rang.
      instance: structuredClone(igc),
      chain: [...chain, igc.serviceUserId],
    });
    gc.notes.push(...notes, ...unusable);
    const failure = !igc.isActive
      ? `${instanceLabel(igc)} is inactive: the call fails`
      : addresses.length === 0 ? `${instanceLabel(igc)} has no destination to ring: the call fails` : undefined;
    if (failure) {
      gc.notes.push(failure);
      this.publish('groupcall_created', gc);
      this.finish(gc, 'failed');
      return gc;
    }
    if (igc.isAnswerTimeoutEnabled && igc.answerTimeoutMinutes) {
      const minutes = igc.answerTimeoutMinutes;
      gc.answerTimer = this.ctx.clock.setTimeout(() => this.answerTimeout(gc, minutes), minutes * 60_000);
    }
    this.start(gc);
    return gc;
  }

  private start(gc: GroupcallRecord): void {
    gc.starting = true;
    const steps: Step[] = [];
    if (gc.ringMethod === 'ring_all') {
      gc.destinations.forEach((_, index) => {
        const step = this.plan(gc, index);
        if (step) steps.push(step);
      });
    } else {
      const step = this.planLinearFrom(gc, 0);
      if (step) steps.push(step);
    }
    this.publish('groupcall_created', gc);
    for (const step of steps) this.execute(gc, step);
    gc.starting = false;
    this.settle(gc);
  }

  /** Records the leg for destination `index` (or notes why it is not dialled). */
  private plan(gc: GroupcallRecord, index: number): Step | undefined {
    const destination = gc.destinations[index]!;
    const lookup = findInstance(this.ctx.world, destination);
    if (lookup.kind === 'ambiguous') {
      gc.notes.push(`destinations[${index}] not dialled: ${lookup.message}`);
      gc.outcomes.push('failed');
      return undefined;
    }
    if (lookup.kind === 'instance') {
      const igc = lookup.record;
      if (gc.chain.includes(igc.serviceUserId)) {
        const path = [...gc.chain, igc.serviceUserId].join(' → ');
        gc.notes.push(`loop cut: ${path}; destinations[${index}] ${destination.target} reaches ${igc.serviceUserId}, which is already ringing above, so it is not dialled`);
        gc.outcomes.push('failed');
        return undefined;
      }
      const id = randomUUID();
      gc.groupcallIds.push(id);
      gc.legs.push({ kind: 'groupcall', id });
      gc.live.add(id);
      return { kind: 'groupcall', id, instance: igc };
    }
    const id = randomUUID();
    gc.callIds.push(id);
    gc.legs.push({ kind: 'call', id });
    gc.live.add(id);
    return { kind: 'call', id, destination };
  }

  private planLinearFrom(gc: GroupcallRecord, from: number): Step | undefined {
    for (let index = from; index < gc.destinations.length; index++) {
      gc.dialIndex = index;
      const step = this.plan(gc, index);
      if (step) return step;
    }
    return undefined;
  }

  private execute(gc: GroupcallRecord, step: Step): void {
    if (step.kind === 'call') {
      this.calls.dial(gc.source, step.destination, { id: step.id, owner: this.ownerFor(gc), groupcallId: gc.id });
      return;
    }
    if (gc.ringMethod === 'linear') {
      // A call leg times out by itself; a child groupcall gets the same per-leg ring timeout here.
      const ms = this.ctx.settings.ringTimeoutMs;
      gc.legTimer = this.ctx.clock.setTimeout(() => this.legRingTimeout(gc, step.id, ms), ms);
    }
    this.startInstance(step.instance, gc.source, gc, gc.chain, [], step.id);
  }

  private ownerFor(gc: GroupcallRecord): CallOwner {
    return {
      onAnswered: (call) => this.legAnswered(gc, call.id, call.id),
      onEnded: (call) => this.legEnded(gc, call.id, call.hangupReason),
    };
  }

  // ---- what legs report ------------------------------------------------------------------------

  private legAnswered(gc: GroupcallRecord, legId: string, callId: string): void {
    if (gc.status !== 'progressing' || gc.answeredLegId !== undefined) {
      // Someone else won first: this leg is not wanted.
      this.hangupLeg(gc, legId, 'cancel');
      return;
    }
    gc.answeredLegId = legId;
    gc.answerCallId = callId;
    if (gc.groupcallIds.includes(legId)) gc.answerGroupcallId = legId;
    gc.tmUpdate = this.ctx.stamps.now();
    this.clearTimers(gc);
    this.publish('groupcall_progressing', gc);
    for (const other of [...gc.live]) if (other !== legId) this.hangupLeg(gc, other, 'cancel');
    if (gc.parent) this.legAnswered(gc.parent, gc.id, callId);
  }

  private legEnded(gc: GroupcallRecord, legId: string, outcome: string): void {
    if (!gc.live.delete(legId)) return;
    gc.outcomes.push(outcome);
    if (gc.ringMethod === 'linear') this.ctx.clock.clearTimeout(gc.legTimer);
    if (!gc.starting) this.settle(gc);
  }

  /** With no leg up: finish, or (linear) dial the next destination. */
  private settle(gc: GroupcallRecord): void {
    if (gc.status === 'hangup' || gc.live.size > 0) return;
    if (gc.answeredLegId !== undefined) return this.finish(gc, 'normal');
    if (gc.status === 'hangingup') return this.finish(gc, gc.hangingUpReason ?? 'cancel');
    if (gc.ringMethod === 'linear' && gc.dialIndex < gc.destinations.length - 1) {
      gc.starting = true;
      const step = this.planLinearFrom(gc, gc.dialIndex + 1);
      if (step) {
        gc.tmUpdate = this.ctx.stamps.now();
        this.execute(gc, step);
      }
      gc.starting = false;
      if (step && gc.live.size > 0) return;
      return this.settle(gc);
    }
    this.finish(gc, unansweredEnd(gc.outcomes));
  }

  private legRingTimeout(gc: GroupcallRecord, childId: string, ms: number): void {
    const child = this.all.get(childId);
    if (!child || !gc.live.has(childId) || gc.answeredLegId !== undefined) return;
    gc.notes.push(`destinations[${gc.dialIndex}] did not answer within the ring timeout (${ms} ms): next destination`);
    this.hangup(child, 'noanswer');
  }

  private answerTimeout(gc: GroupcallRecord, minutes: number): void {
    if (gc.status !== 'progressing' || gc.answeredLegId !== undefined) return;
    gc.notes.push(`answer timeout: nobody answered within ${minutes} minute${minutes === 1 ? '' : 's'}, ringing stopped`);
    this.hangup(gc, 'timeout');
  }

  // ---- ending ----------------------------------------------------------------------------------

  /** Hangs up every leg still up (unanswered ones with `reason`); the groupcall ends when the last has. */
  private hangup(gc: GroupcallRecord, reason: LegStop): void {
    if (gc.status !== 'progressing') return;
    gc.status = 'hangingup';
    gc.hangingUpReason = reason;
    gc.tmUpdate = this.ctx.stamps.now();
    this.clearTimers(gc);
    for (const legId of [...gc.live]) this.hangupLeg(gc, legId, reason);
    this.settle(gc);
  }

  private hangupLeg(gc: GroupcallRecord, legId: string, reason: LegStop): void {
    const leg = gc.legs.find((l) => l.id === legId);
    if (leg?.kind === 'call') this.calls.hangup(this.calls.get(legId), reason);
    else if (leg?.kind === 'groupcall') {
      const child = this.all.get(legId);
      if (child) this.hangup(child, reason);
    }
  }

  private finish(gc: GroupcallRecord, reason: GroupcallEnd): void {
    if (gc.status === 'hangup') return;
    this.clearTimers(gc);
    gc.status = 'hangup';
    gc.hangupReason = reason;
    gc.tmUpdate = this.ctx.stamps.now();
    this.publish('groupcall_hangup', gc);
    if (gc.parent) this.legEnded(gc.parent, gc.id, reason);
  }

  private clearTimers(gc: GroupcallRecord): void {
    this.ctx.clock.clearTimeout(gc.answerTimer);
    this.ctx.clock.clearTimeout(gc.legTimer);
    delete gc.answerTimer;
    delete gc.legTimer;
  }

  private publish(type: string, gc: GroupcallRecord): void {
    this.ctx.events.emit(type, groupcallView(gc));
  }
}

/** Why a groupcall nobody answered ended: nothing could ring, everyone was busy, or it rang out. */
function unansweredEnd(outcomes: readonly string[]): GroupcallEnd {
  if (outcomes.every((o) => o === 'failed')) return 'failed';
  if (outcomes.every((o) => o === 'busy')) return 'busy';
  return 'noanswer';
}
