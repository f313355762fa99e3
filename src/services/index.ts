// Every APIO service type the adapter serves: one registration line each (docs/adding-a-service.md).
import { instantGroupCall } from './instant-group-call/index.js';
import type { RegisteredService } from './service-module.js';

export const services: readonly RegisteredService[] = [
  instantGroupCall,
];

export type { BoundRoute, BoundService, RegisteredService, RouteDoc } from './service-module.js';
