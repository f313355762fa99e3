// Simulated endpoints: how each destination behaves when a leg dials it. Configured per target with
// `PUT /v1.0/lab/endpoints/{target}`; anything not configured follows the lab's default.
//   answer       rings, answers after after_ms (and hangs up hangup_after_ms later, when given)
//   busy         answers busy after after_ms (never rings)
//   no_answer    rings and never answers: until the ring timeout, or until after_ms when given
//   unreachable  fails after after_ms (never rings)
import { normaliseTarget, typeOfBareTarget } from './address.js';
import { Problems } from './errors.js';
import { ENDPOINT_BEHAVIORS, MAX_DELAY_MS } from './settings.js';
import type { EndpointBehavior, LabSettings } from './settings.js';

export interface EndpointConfig {
  behavior: EndpointBehavior;
  /** null: no_answer that rings until the leg's ring timeout. */
  after_ms: number | null;
  /** answer only: the callee hangs up (reason normal) this long after answering. */
  hangup_after_ms?: number;
}

export interface EndpointView extends EndpointConfig {
  target: string;
  /** false: the lab's default applies. */
  configured: boolean;
}

export class Endpoints {
  private readonly configured = new Map<string, EndpointConfig>();

  constructor(private readonly settings: Readonly<LabSettings>) {}

  /** How `target` (already normalised) behaves now. */
  behaviourOf(target: string): EndpointView {
    const own = this.configured.get(target);
    if (own) return { target, configured: true, ...own };
    const behavior = this.settings.defaultBehavior;
    return { target, configured: false, behavior, after_ms: defaultAfter(behavior, this.settings) };
  }

  /** PUT: validates the path target and the body, stores, and answers the endpoint. */
  put(rawTarget: string, body: unknown): EndpointView {
    const target = endpointKey(rawTarget);
    const problems = new Problems();
    const record = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : undefined) as Record<string, unknown> | undefined;
    if (!record) problems.add('body', 'must be a JSON object {"behavior": …, "after_ms": N}');
    const behavior = record?.behavior;
    if (record && !(ENDPOINT_BEHAVIORS as readonly unknown[]).includes(behavior)) {
      problems.add('behavior', `must be one of ${ENDPOINT_BEHAVIORS.join(', ')}, got ${JSON.stringify(behavior) ?? 'nothing'}`);
    }
    const afterMs = readDelay(record?.after_ms, 'after_ms', problems);
    const hangupAfterMs = readDelay(record?.hangup_after_ms, 'hangup_after_ms', problems);
    if (hangupAfterMs !== undefined && behavior !== 'answer') problems.add('hangup_after_ms', 'applies only to behavior answer');
    problems.throwIfAny();
    const config: EndpointConfig = { behavior: behavior as EndpointBehavior, after_ms: afterMs ?? defaultAfter(behavior as EndpointBehavior, this.settings) };
    if (hangupAfterMs !== undefined) config.hangup_after_ms = hangupAfterMs;
    this.configured.set(target, config);
    return this.behaviourOf(target);
  }

  /** DELETE: back to the default. Answers what now applies. */
  remove(rawTarget: string): EndpointView {
    const target = endpointKey(rawTarget);
    this.configured.delete(target);
    return this.behaviourOf(target);
  }

  list(): EndpointView[] {
    return [...this.configured.keys()].map((target) => this.behaviourOf(target));
  }

  clear(): void {
    this.configured.clear();
  }
}

/** no_answer rings until the ring timeout; the others act after the default delay. */
function defaultAfter(behavior: EndpointBehavior, settings: Readonly<LabSettings>): number | null {
  return behavior === 'no_answer' ? null : settings.defaultAfterMs;
}

/** A path target in the form legs dial: `+32 71…` → `+3271…`, `Alice@Example.COM` → `Alice@example.com`. */
export function endpointKey(rawTarget: string): string {
  const type = typeOfBareTarget(rawTarget);
  const result = normaliseTarget(type, rawTarget);
  if ('problem' in result) {
    const problems = new Problems();
    problems.add('target', result.problem);
    problems.throwIfAny();
  }
  return (result as { target: string }).target;
}

function readDelay(value: unknown, field: string, problems: Problems): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DELAY_MS) {
    problems.add(field, `must be an integer from 0 to ${MAX_DELAY_MS} (ms)`);
    return undefined;
  }
  return value;
}
