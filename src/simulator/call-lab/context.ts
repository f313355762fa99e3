// What every part of the call engine shares: time, the event bus, settings, endpoint behaviours,
// and the simulator's provisioning state (read only: instances to dial).
import type { World } from '../world/world.js';
import type { Clock } from './clock.js';
import type { Endpoints } from './endpoints.js';
import type { EventHub } from './events.js';
import type { LabSettings } from './settings.js';
import type { Stamper } from './time.js';

export interface LabContext {
  readonly clock: Clock;
  readonly stamps: Stamper;
  readonly events: EventHub;
  readonly settings: Readonly<LabSettings>;
  readonly endpoints: Endpoints;
  readonly world: World;
}
