// What the audit learns about a request while it runs: who called, which route and tenant/group,
// and every OCI-P document sent for it. AsyncLocalStorage carries it from the HTTP middleware down
// to the OCI-P client's onDocument hook without passing it through the domain: the pool runs a
// request's documents in that request's async context.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal.js';
import type { CommandOutcome, DocumentEvent } from '../ocip/client.js';

export interface AuditedCommand {
  type: string;
  outcome: CommandOutcome;
}

export interface AuditContext {
  readonly recordId: string;
  readonly commands: AuditedCommand[];
  who?: { name: string; via: Principal['via']; userLevel: number };
  /** The route pattern, e.g. /api/v1/tenants/:tenant_id/groups/:group_id/services/instant_group_calls/ */
  route?: string;
  tenantId?: string;
  groupId?: string;
  /** The APIO error of the answer, when it is one. */
  error?: { code: number; reason: string };
}

const storage = new AsyncLocalStorage<AuditContext>();

export function runAudited<T>(context: AuditContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentAudit(): AuditContext | undefined {
  return storage.getStore();
}

/** The OCI-P client's onDocument hook: each command sent, with its outcome, joins its request's record. */
export function recordOcipDocument(event: DocumentEvent): void {
  const context = storage.getStore();
  if (!context) return;
  event.commandTypes.forEach((type, index) => context.commands.push({ type, outcome: event.commandOutcomes[index] ?? event.outcome }));
}

/** OCI-P client hooks with recordOcipDocument added to their onDocument. */
export function withAuditedDocuments<H extends { onDocument?: (event: DocumentEvent) => void }>(hooks: H): H & { onDocument: (event: DocumentEvent) => void } {
  const inner = hooks.onDocument;
  return {
    ...hooks,
    onDocument: (event: DocumentEvent) => {
      inner?.(event);
      recordOcipDocument(event);
    },
  };
}

export function noteCaller(principal: Principal): void {
  const context = storage.getStore();
  if (context) context.who = { name: principal.name, via: principal.via, userLevel: principal.level };
}

export function noteRoute(route: string, tenantId: string | undefined, groupId: string | undefined): void {
  const context = storage.getStore();
  if (!context) return;
  context.route = route;
  if (tenantId !== undefined) context.tenantId = tenantId;
  if (groupId !== undefined) context.groupId = groupId;
}
