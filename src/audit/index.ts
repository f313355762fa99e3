// The audit trail (AUDIT_ENABLED): a record of every audited answer in the store, and the request context
// that collects them.
export { AuditLog } from './audit-log.js';
export type { AuditRecord, AuditLogOptions } from './audit-log.js';
export { currentAudit, noteCaller, noteRoute, recordOcipDocument, runAudited, withAuditedDocuments } from './audit-context.js';
export type { AuditContext, AuditedCommand } from './audit-context.js';
