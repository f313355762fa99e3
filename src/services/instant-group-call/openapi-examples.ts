// Examples for the OpenAPI document (openapi.ts), taken from the APIO Instant Group Call page's own
// requests and answers (shared/seeds/apio-instant-group-call.txt) with the seed world's tenant and
// group, so "try it out" on the docs page (/api/docs/) works as is against the embedded simulator.

const department = { tenantId: 'ApioSpTest', groupId: 'ApioGrpTest', departmentName: 'test_department_initial' };

const profile = {
  name: 'Test User',
  department,
  cliFirstName: 'First Name',
  cliLastName: 'Last Name',
  language: 'English',
  timeZone: 'Europe/Brussels',
};

/** Path parameter values: the seed world's tenant and group, and the APIO page's instance. */
export const parameterExamples = {
  tenant_id: 'ApioSpTest',
  group_id: 'ApioGrpTest',
  service_user_id: 'APIOTestIGC@sip.netaxis.be',
} as const;

/** OpenAPI `examples` maps: one example each, named after where it comes from. */
const example = (summary: string, value: unknown) => ({ apio: { summary, value } });

export const examples = {
  list: example('APIO page: the list', {
    instantGroupCalls: [
      {
        serviceUserId: 'APIOTestIGC@sip.netaxis.be',
        name: 'Test User Basic',
        phoneNumber: '+3271112233',
        extension: '',
        department: { ...department, fullPathName: 'test_department_parent_1 \\ test_department_initial' },
      },
    ],
  }),
  createRequest: example('APIO page: create with the basic template', {
    serviceUserId: 'APIOTestIGC@sip.netaxis.be',
    serviceInstanceProfile: profile,
    answerTimeoutMinutes: 5,
    answerTimeoutEnabled: true,
    destinationPhoneNumbers: ['+3271123456'],
    templateName: 'basic',
    active: true,
  }),
  createAnswer: example('APIO page: the created instance, with its serviceUserId', {
    serviceUserId: 'APIOTestIGC@sip.netaxis.be',
    serviceInstanceProfile: { ...profile, phoneNumber: '+3271112233' },
    answerTimeoutMinutes: 5,
    answerTimeoutEnabled: true,
    destinationPhoneNumbers: ['+3271123456'],
    active: true,
  }),
  instance: example('APIO page: an instance', {
    serviceInstanceProfile: { ...profile, phoneNumber: '+3271112233' },
    answerTimeoutMinutes: 5,
    answerTimeoutEnabled: true,
    destinationPhoneNumbers: ['+3271123456'],
    active: true,
  }),
  updateRequest: example('APIO page: update', {
    serviceInstanceProfile: profile,
    answerTimeoutMinutes: 5,
    answerTimeoutEnabled: true,
    destinationPhoneNumbers: ['+3271123456'],
    active: true,
  }),
  activeRequest: example('APIO page: activate one instance', {
    services: [{ serviceUserId: 'APIOTestIGC@sip.netaxis.be', active: true }],
  }),
  empty: { done: { summary: 'Done', value: {} } },
};
