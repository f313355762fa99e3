// What a service type gives the adapter: its routes (each with its OpenAPI operation), how its
// dependencies are built from the shared kit and the settings, and the query that tells a dry run
// whether BroadWorks has a service user. src/services/index.ts lists the registered ones; src/http
// mounts their routes under every API prefix and writes the OpenAPI document from them.
import type { RoutePolicy } from '../auth/index.js';
import type { Config } from '../config/index.js';
import { runDry } from '../domain/dry-run/run-dry.js';
import type { DryRunAnswer } from '../domain/dry-run/run-dry.js';
import type { IdMemo } from '../domain/in-doubt.js';
import type { ServiceInstanceKit } from '../domain/service-instance-kit.js';
import type { BatchItem } from '../ocip/client.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** The OpenAPI description of one route; src/http/openapi.ts adds parameters, errors and dry run. */
export interface RouteDoc {
  summary: string;
  /** A components/schemas name, and named examples. */
  request?: { schema: string; examples?: object };
  answer: { description: string; schema: string | object; examples?: object };
  /** The change takes several OCI-P documents, so it may answer 207 (APIO: partially succeeded). */
  partial?: boolean;
}

/** What a change learns of its request beyond the URL and body. */
export interface ChangeContext {
  /** With an Idempotency-Key: values (a generated id) its retries must reuse. */
  memo?: IdMemo;
}

export interface ServiceRoute<D> {
  method: HttpMethod;
  /** Under each API prefix, Express syntax: '/tenants/:tenant_id/groups/:group_id/services/...'. */
  path: string;
  policy: RoutePolicy;
  /** True when the route takes a JSON object body. */
  body?: boolean;
  /** True for a change: ?dry_run=true answers the OCI-P documents it would send instead. */
  change?: boolean;
  run(deps: D, params: Readonly<Record<string, string>>, body: unknown, context?: ChangeContext): Promise<unknown>;
  doc: RouteDoc;
}

export interface ServiceModule<D extends ServiceInstanceKit> {
  /** The OpenAPI tag its routes are listed under. */
  tag: { name: string; description: string };
  /** JSON Schemas for components/schemas, by name (generated from the zod schemas that validate). */
  schemas: Record<string, object>;
  /** Path parameter examples for the docs page ("try it out" against the seed world). */
  parameterExamples: Record<string, string>;
  /** Reads the service's settings; a bad id rule or template stops start-up here. */
  createDeps(kit: ServiceInstanceKit, config: Config): D;
  routes: readonly ServiceRoute<D>[];
  /** Succeeds when BroadWorks has this service user: a dry run's existence check. */
  exists(serviceUserId: string): BatchItem;
}

/** A route with its service's dependencies bound: what src/http mounts and documents. */
export interface BoundRoute extends Omit<ServiceRoute<never>, 'run'> {
  tag: string;
  parameterExamples: Readonly<Record<string, string>>;
  run(params: Readonly<Record<string, string>>, body: unknown, context?: ChangeContext): Promise<unknown>;
  dryRun(params: Readonly<Record<string, string>>, body: unknown): Promise<DryRunAnswer>;
}

/** A service bound to the kit and the settings at start-up. */
export interface BoundService {
  tag: { name: string; description: string };
  schemas: Record<string, object>;
  routes: BoundRoute[];
}

/** A registered service: bound to the kit and settings at start-up (buildAdapter). */
export interface RegisteredService {
  bind(kit: ServiceInstanceKit, config: Config): BoundService;
}

export function defineService<D extends ServiceInstanceKit>(module: ServiceModule<D>): RegisteredService {
  return {
    bind(kit, config) {
      const deps = module.createDeps(kit, config);
      const routes = module.routes.map(({ run, ...route }): BoundRoute => ({
        ...route,
        tag: module.tag.name,
        parameterExamples: module.parameterExamples,
        run: (params, body, context) => run(deps, params, body, context),
        dryRun: (params, body) => runDry(deps, (dry) => run(dry, params, body), module.exists),
      }));
      return { tag: module.tag, schemas: module.schemas, routes };
    },
  };
}
