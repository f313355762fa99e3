// The call lab: one object holding the engine's parts, built on the simulator's World and clock.
// Tests may drive it directly; the HTTP routes (http/routes.ts) are a thin layer over it.
import type { World } from '../world/world.js';
import { CampaignExecutor } from './campaign-executor.js';
import { CampaignResources } from './campaign-resources.js';
import { Calls } from './calls.js';
import type { Clock } from './clock.js';
import { Conferences } from './conferences.js';
import type { LabContext } from './context.js';
import { Endpoints } from './endpoints.js';
import { EventHub } from './events.js';
import { Groupcalls } from './groupcalls.js';
import { DEFAULT_LAB_SETTINGS } from './settings.js';
import type { LabSettings } from './settings.js';
import { Stamper } from './time.js';

export interface CallLabOptions {
  world: World;
  clock: Clock;
  settings?: Partial<LabSettings>;
}

export class CallLab {
  readonly settings: Readonly<LabSettings>;
  readonly clock: Clock;
  readonly events = new EventHub();
  readonly endpoints: Endpoints;
  readonly calls: Calls;
  readonly groupcalls: Groupcalls;
  readonly conferences: Conferences;
  readonly campaigns: CampaignResources;
  readonly campaigncalls: CampaignExecutor;

  constructor(options: CallLabOptions) {
    this.settings = Object.freeze({ ...DEFAULT_LAB_SETTINGS, ...options.settings });
    this.clock = options.clock;
    this.endpoints = new Endpoints(this.settings);
    const ctx: LabContext = {
      clock: options.clock,
      stamps: new Stamper(() => options.clock.now()),
      events: this.events,
      settings: this.settings,
      endpoints: this.endpoints,
      world: options.world,
    };
    this.calls = new Calls(ctx);
    this.groupcalls = new Groupcalls(ctx, this.calls);
    this.conferences = new Conferences(ctx, this.calls);
    this.campaigns = new CampaignResources(ctx);
    this.campaigncalls = new CampaignExecutor(ctx, this.calls, this.campaigns);
  }

  /** Stops every timer: no call changes after the simulator has closed. */
  close(): void {
    this.clock.clearAll();
  }
}
