// The simulator's call lab: calls, groupcalls, conferencecalls and campaigncalls in VoIPbin's
// shapes, rung against simulated endpoints on an injectable clock, over the Instant Group Call
// instances of the simulator's World. It reads the World and nothing of the adapter.
export { CallLab } from './lab.js';
export type { CallLabOptions } from './lab.js';
export { createVirtualClock, realClock, toClock, VIRTUAL_EPOCH_MS } from './clock.js';
export type { Clock, TimerHandle, VirtualClock } from './clock.js';
export { DEFAULT_LAB_SETTINGS, ENDPOINT_BEHAVIORS } from './settings.js';
export type { EndpointBehavior, LabSettings } from './settings.js';
export { labRoutes } from './http/routes.js';
export type { LabHttp } from './http/routes.js';
export { LabError } from './errors.js';
export { formatStamp, parseStamp, NIL_UUID, NOT_YET, LAB_CUSTOMER_ID } from './time.js';
export type { LabEvent } from './events.js';
