// The lab's routes under /v1.0/, in VoIPbin's paths and shapes (VOIPBIN.md §2.2, §3.3, §4.5),
// plus /v1.0/lab/endpoints for the simulated endpoints. Each route is one call into the engine.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { callView } from '../calls.js';
import { campaigncallView, campaignView, outdialView, outplanView, targetView } from '../campaign-model.js';
import { endpointKey } from '../endpoints.js';
import { groupcallView } from '../groupcall-model.js';
import type { CallLab } from '../lab.js';
import { readPaging } from '../paging.js';
import { eventStream } from './event-stream.js';
import { Router } from './router.js';

export interface LabHttp {
  serve(request: IncomingMessage, response: ServerResponse, pathname: string, query: URLSearchParams): Promise<void>;
}

export function labRoutes(lab: CallLab, onError?: (error: unknown) => void): LabHttp {
  const { calls, groupcalls, conferences, campaigns, campaigncalls, endpoints } = lab;
  return new Router(onError)
    .stream('GET', '/v1.0/events', eventStream(lab.events))

    .add('GET', '/v1.0/lab/endpoints', () => ({ result: endpoints.list(), default: { behavior: lab.settings.defaultBehavior, after_ms: lab.settings.defaultAfterMs }, ring_timeout_ms: lab.settings.ringTimeoutMs }))
    .add('GET', '/v1.0/lab/endpoints/:target', ({ params }) => endpoints.behaviourOf(endpointKey(params.target!)))
    .add('PUT', '/v1.0/lab/endpoints/:target', ({ params, body }) => endpoints.put(params.target!, body))
    .add('DELETE', '/v1.0/lab/endpoints/:target', ({ params }) => endpoints.remove(params.target!))

    .add('GET', '/v1.0/calls', ({ query }) => calls.list(readPaging(query)))
    .add('GET', '/v1.0/calls/:id', ({ params }) => callView(calls.get(params.id!)))
    .add('POST', '/v1.0/calls/:id/hangup', ({ params }) => callView(calls.hangupById(params.id!)))

    .add('POST', '/v1.0/groupcalls', ({ body }) => groupcallView(groupcalls.create(body)))
    .add('GET', '/v1.0/groupcalls', ({ query }) => groupcalls.list(readPaging(query)))
    .add('GET', '/v1.0/groupcalls/:id', ({ params }) => groupcallView(groupcalls.get(params.id!)))
    .add('POST', '/v1.0/groupcalls/:id/hangup', ({ params }) => groupcallView(groupcalls.hangupById(params.id!)))
    .add('DELETE', '/v1.0/groupcalls/:id', ({ params }) => groupcallView(groupcalls.delete(params.id!)))

    .add('POST', '/v1.0/conferences', ({ body }) => conferences.createConference(body))
    .add('GET', '/v1.0/conferences', ({ query }) => conferences.listConferences(readPaging(query)))
    .add('GET', '/v1.0/conferences/:id', ({ params }) => conferences.getConference(params.id!))
    .add('DELETE', '/v1.0/conferences/:id', ({ params }) => conferences.deleteConference(params.id!))
    .add('POST', '/v1.0/conferencecalls', ({ body }) => conferences.join(body))
    .add('GET', '/v1.0/conferencecalls', ({ query }) => conferences.listConferencecalls(readPaging(query)))
    .add('GET', '/v1.0/conferencecalls/:id', ({ params }) => conferences.getConferencecall(params.id!))
    .add('DELETE', '/v1.0/conferencecalls/:id', ({ params }) => conferences.kick(params.id!))

    .add('POST', '/v1.0/outplans', ({ body }) => campaigns.createOutplan(body))
    .add('GET', '/v1.0/outplans/:id', ({ params }) => outplanView(campaigns.outplan(params.id!)))
    .add('POST', '/v1.0/outdials', ({ body }) => campaigns.createOutdial(body))
    .add('GET', '/v1.0/outdials/:id', ({ params }) => outdialView(campaigns.outdial(params.id!)))
    .add('POST', '/v1.0/outdials/:id/targets', ({ params, body }) => campaigns.addTarget(params.id!, body))
    .add('GET', '/v1.0/outdials/:id/targets', ({ params, query }) => campaigns.listTargets(params.id!, readPaging(query)))
    .add('GET', '/v1.0/outdials/:id/targets/:target_id', ({ params }) => targetView(campaigns.target(params.id!, params.target_id!)))
    .add('POST', '/v1.0/campaigns', ({ body }) => campaignView(campaigns.createCampaign(body)))
    .add('GET', '/v1.0/campaigns', ({ query }) => campaigns.listCampaigns(readPaging(query)))
    .add('GET', '/v1.0/campaigns/:id', ({ params }) => campaignView(campaigns.campaign(params.id!)))
    .add('PUT', '/v1.0/campaigns/:id/status', ({ params, body }) => campaigncalls.setStatus(params.id!, body))
    .add('GET', '/v1.0/campaigns/:id/campaigncalls', ({ params, query }) => campaigncalls.list(readPaging(query), params.id!))
    .add('GET', '/v1.0/campaigncalls', ({ query }) => campaigncalls.list(readPaging(query)))
    .add('GET', '/v1.0/campaigncalls/:id', ({ params }) => campaigncallView(campaigncalls.get(params.id!)))
    .add('DELETE', '/v1.0/campaigncalls/:id', ({ params }) => campaigncallView(campaigncalls.delete(params.id!)));
}
