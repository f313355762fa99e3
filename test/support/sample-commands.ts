// Test support: at least one realistic value for every request the client can emit (`requestSpecs`).
// One list feeds three checks: the R25 schema (request-schema.test.ts), the golden wire files
// (test/fixtures/ocip/requests/<label>.xml) and the strict round trip. A new request spec without
// a sample fails codec-samples.test.ts, so it cannot reach the wire unvalidated.
import {
  AuthenticationRequest,
  GroupAddRequest,
  GroupAdminAddRequest,
  GroupDepartmentAddRequest,
  GroupDepartmentGetListRequest18,
  GroupDnAssignListRequest,
  GroupDnGetListRequest,
  GroupDomainAssignListRequest,
  GroupDomainGetAssignedListRequest,
  GroupGetRequest22V5,
  GroupInstantGroupCallAddInstanceRequest14,
  GroupInstantGroupCallDeleteInstanceRequest,
  GroupInstantGroupCallGetInstanceListRequest,
  GroupInstantGroupCallGetInstanceRequest19sp1,
  GroupInstantGroupCallModifyActiveInstanceListRequest,
  GroupInstantGroupCallModifyInstanceRequest,
  GroupModifyRequest,
  LoginRequest14sp4,
  LoginRequest22V5,
  LogoutRequest,
  ServiceProviderAddRequest13mp2,
  ServiceProviderAdminAddRequest14,
  ServiceProviderDnAddListRequest,
  ServiceProviderDomainAssignListRequest,
  SystemDomainAddRequest,
  UserGetServiceInstanceListInServiceProviderRequest,
  UserModifyUserIdRequest,
  VerifySessionIsValidRequest,
} from '../../src/ocip/codec/index.js';
import type { CommandSpec, CommandValue } from '../../src/ocip/codec/index.js';

/** Fixed, so the golden files do not change from run to run. */
export const SAMPLE_SESSION_ID = '3f1c2b0e-5d1a-4c7e-9a55-0b3e1f2a9d10';

export const SP = 'ApioSpTest';
export const GROUP = 'ApioGrpTest';
export const DOMAIN = 'sip.netaxis.be';
export const IGC_USER = `APIOTestIGC@${DOMAIN}`;

export interface SampleCommand {
  /** Also the golden file name: test/fixtures/ocip/requests/<label>.xml. */
  label: string;
  spec: CommandSpec;
  value: object;
  echo?: string;
}

/** Typed per spec: a sample that does not fit its command's value type fails the type check. */
function sample<S extends CommandSpec>(label: string, spec: S, value: CommandValue<S>, echo?: string): SampleCommand {
  return echo === undefined ? { label, spec, value } : { label, spec, value, echo };
}

const groupDepartment = { $type: 'GroupDepartmentKey', serviceProviderId: SP, groupId: GROUP, name: 'test_department_initial' } as const;
const enterpriseDepartment = { $type: 'EnterpriseDepartmentKey', serviceProviderId: SP, name: 'Sales' } as const;
const contact = { contactName: 'Netaxis NOC', contactNumber: '+3271123400', contactEmail: 'noc@netaxis.be' };
const address = {
  addressLine1: 'Rue de la Loi 16',
  addressLine2: 'Bte 3',
  city: 'Bruxelles',
  stateOrProvince: 'Brussels',
  stateOrProvinceDisplayName: 'Brussels-Capital',
  zipOrPostalCode: '1000',
  country: 'Belgium',
};

const login = [
  sample('AuthenticationRequest', AuthenticationRequest, { userId: 'apio.admin' }),
  // signedPassword('1234567890123', 'password'): the vector of OCIP.md §5.2.
  sample('LoginRequest14sp4-signed', LoginRequest14sp4, { userId: 'apio.admin', signedPassword: '77e4a6de3a1e00be05e121cf0ebee860' }),
  sample('LoginRequest22V5-password', LoginRequest22V5, { userId: 'apio.admin', password: 'Tr0ub4dor&3' }),
  sample('LogoutRequest-client-logout', LogoutRequest, { userId: 'apio.admin', reason: 'Client Logout' }),
  sample('LogoutRequest-minimal', LogoutRequest, { userId: 'apio.admin' }),
  sample('VerifySessionIsValidRequest', VerifySessionIsValidRequest, {}),
];

const lookups = [
  sample('GroupGetRequest22V5-by-ids', GroupGetRequest22V5, { serviceProviderId: SP, groupId: GROUP }),
  sample('GroupGetRequest22V5-by-external-id', GroupGetRequest22V5, { groupExternalId: 'ext-0042' }),
  sample('GroupDomainGetAssignedListRequest', GroupDomainGetAssignedListRequest, { serviceProviderId: SP, groupId: GROUP }),
  sample('GroupDnGetListRequest', GroupDnGetListRequest, { serviceProviderId: SP, groupId: GROUP }),
  sample('GroupDepartmentGetListRequest18', GroupDepartmentGetListRequest18, {
    serviceProviderId: SP,
    groupId: GROUP,
    includeEnterpriseDepartments: true,
  }),
  sample('UserModifyUserIdRequest', UserModifyUserIdRequest, { userId: IGC_USER, newUserId: `ApioGrpTest_igc3271123456@${DOMAIN}` }),
  // As a read sends it: is this instant group call in this group?
  sample('UserGetServiceInstanceListInServiceProviderRequest-membership', UserGetServiceInstanceListInServiceProviderRequest, {
    serviceProviderId: SP,
    SearchCriteriaGroupId: [{ mode: 'Equal To', value: GROUP, isCaseInsensitive: false }],
    SearchCriteriaExactServiceType: { serviceType: 'Instant Group Call' },
    searchCriteriaUserId: [{ mode: 'Equal To', value: IGC_USER, isCaseInsensitive: false }],
  }),
  sample('UserGetServiceInstanceListInServiceProviderRequest-every-criterion', UserGetServiceInstanceListInServiceProviderRequest, {
    serviceProviderId: SP,
    responseSizeLimit: 100,
    SearchCriteriaGroupId: [{ mode: 'Starts With', value: 'Apio', isCaseInsensitive: true }],
    SearchCriteriaExactServiceType: { serviceType: 'Hunt Group' },
    searchCriteriaUserId: [{ mode: 'Contains', value: 'igc', isCaseInsensitive: true }],
    searchCriteriaUserLastName: [{ mode: 'Starts With', value: 'Sal', isCaseInsensitive: true }],
    searchCriteriaDn: [{ mode: 'Contains', value: '7112', isCaseInsensitive: false }],
    searchCriteriaExtension: [{ mode: 'Equal To', value: '3456', isCaseInsensitive: false }],
    searchCriteriaExactUserDepartment: { departmentKey: groupDepartment },
  }),
];

const instantGroupCall = [
  sample('GroupInstantGroupCallAddInstanceRequest14-minimal', GroupInstantGroupCallAddInstanceRequest14, {
    serviceProviderId: SP,
    groupId: GROUP,
    serviceUserId: IGC_USER,
    serviceInstanceProfile: { name: 'IGC Test', callingLineIdLastName: 'IGC', callingLineIdFirstName: 'Test' },
    isAnswerTimeoutEnabled: false,
  }, 'q-1'),
  sample('GroupInstantGroupCallAddInstanceRequest14-full', GroupInstantGroupCallAddInstanceRequest14, {
    serviceProviderId: SP,
    groupId: GROUP,
    serviceUserId: IGC_USER,
    serviceInstanceProfile: {
      name: 'IGC Sales',
      callingLineIdLastName: 'Sales',
      callingLineIdFirstName: 'IGC',
      hiraganaLastName: 'Sales',
      hiraganaFirstName: 'IGC',
      phoneNumber: '+3271123456',
      extension: '3456',
      password: 'S3rv1ce!Pass',
      department: groupDepartment,
      language: 'English',
      timeZone: 'Europe/Brussels',
      alias: [`igc.sales@${DOMAIN}`, `igc.sales2@${DOMAIN}`, `+3271123456@${DOMAIN}`],
      publicUserIdentity: `igc.sales.pui@${DOMAIN}`,
      callingLineIdPhoneNumber: '+32-71123450',
    },
    destinationPhoneNumber: ['+3271123457', '+32-71123458', 'alice@example.com'],
    isAnswerTimeoutEnabled: true,
    answerTimeoutMinutes: 5,
    networkClassOfService: 'Default NCOS',
  }),
  sample('GroupInstantGroupCallGetInstanceRequest19sp1', GroupInstantGroupCallGetInstanceRequest19sp1, { serviceUserId: IGC_USER }, 'q-17'),
  sample('GroupInstantGroupCallGetInstanceListRequest', GroupInstantGroupCallGetInstanceListRequest, { serviceProviderId: SP, groupId: GROUP }),
  sample('GroupInstantGroupCallGetInstanceListRequest-department', GroupInstantGroupCallGetInstanceListRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    groupDepartmentName: 'test_department_initial',
  }),
  sample('GroupInstantGroupCallDeleteInstanceRequest', GroupInstantGroupCallDeleteInstanceRequest, { serviceUserId: IGC_USER }),
  sample('GroupInstantGroupCallModifyActiveInstanceListRequest', GroupInstantGroupCallModifyActiveInstanceListRequest, {
    serviceActivation: [
      { serviceUserId: IGC_USER, isActive: true },
      { serviceUserId: `APIOTestIGC2@${DOMAIN}`, isActive: false },
      { serviceUserId: `APIOTestIGC3@${DOMAIN}`, isActive: true },
    ],
  }),
  // Schema-valid with no serviceActivation at all (0..unbounded).
  sample('GroupInstantGroupCallModifyActiveInstanceListRequest-empty', GroupInstantGroupCallModifyActiveInstanceListRequest, {
    serviceActivation: [],
  }),
  sample('GroupInstantGroupCallModifyInstanceRequest-only-user', GroupInstantGroupCallModifyInstanceRequest, { serviceUserId: IGC_USER }),
  sample('GroupInstantGroupCallModifyInstanceRequest-replace-destinations', GroupInstantGroupCallModifyInstanceRequest, {
    serviceUserId: IGC_USER,
    destinationPhoneNumberList: { phoneNumber: ['+3271123457', 'alice@example.com'] },
    isAnswerTimeoutEnabled: true,
    answerTimeoutMinutes: 60,
    networkClassOfService: 'Default NCOS',
  }),
  sample('GroupInstantGroupCallModifyInstanceRequest-clear-destinations', GroupInstantGroupCallModifyInstanceRequest, {
    serviceUserId: IGC_USER,
    destinationPhoneNumberList: null,
    isAnswerTimeoutEnabled: false,
    answerTimeoutMinutes: null,
  }),
  sample('GroupInstantGroupCallModifyInstanceRequest-clear-department', GroupInstantGroupCallModifyInstanceRequest, {
    serviceUserId: IGC_USER,
    serviceInstanceProfile: { department: null, phoneNumber: null, extension: null, callingLineIdPhoneNumber: null },
  }),
  sample('GroupInstantGroupCallModifyInstanceRequest-enterprise-department', GroupInstantGroupCallModifyInstanceRequest, {
    serviceUserId: IGC_USER,
    serviceInstanceProfile: { department: enterpriseDepartment },
  }),
  sample('GroupInstantGroupCallModifyInstanceRequest-aliases', GroupInstantGroupCallModifyInstanceRequest, {
    serviceUserId: IGC_USER,
    serviceInstanceProfile: {
      name: 'IGC Renamed',
      phoneNumber: '+3271123459',
      extension: '3459',
      sipAliasList: { sipAlias: [`igc.a@${DOMAIN}`, `igc.b@${DOMAIN}`, `igc.c@${DOMAIN}`] },
      publicUserIdentity: null,
    },
  }),
  sample('GroupInstantGroupCallModifyInstanceRequest-clear-aliases', GroupInstantGroupCallModifyInstanceRequest, {
    serviceUserId: IGC_USER,
    serviceInstanceProfile: { sipAliasList: null },
  }),
  // Markup in a name must arrive as literal text; non-ASCII travels as character references.
  sample('GroupInstantGroupCallModifyInstanceRequest-escaping', GroupInstantGroupCallModifyInstanceRequest, {
    serviceUserId: IGC_USER,
    serviceInstanceProfile: {
      name: '</name><password>x',
      callingLineIdLastName: 'Zoë ☃',
      callingLineIdFirstName: 'Ann & "Bob"',
    },
  }, 'a&b "quoted" <echo>'),
];

const world = [
  sample('ServiceProviderAddRequest13mp2-enterprise', ServiceProviderAddRequest13mp2, {
    isEnterprise: true,
    serviceProviderId: SP,
    defaultDomain: DOMAIN,
    serviceProviderName: 'APIO Test Enterprise',
    supportEmail: 'support@netaxis.be',
    contact,
    address,
  }),
  sample('ServiceProviderAddRequest13mp2-provider', ServiceProviderAddRequest13mp2, {
    useCustomRoutingProfile: false,
    serviceProviderId: 'ApioSpProvider',
    defaultDomain: DOMAIN,
    serviceProviderName: 'APIO Test Provider',
    supportEmail: 'support@netaxis.be',
    contact,
    address,
    servicePolicy: 'default',
    callProcessingSliceId: 'slice-1',
    provisioningSliceId: 'slice-1',
    subscriberPartition: 'partition-1',
    preferredDataCenter: 'dc-1',
    resellerId: 'ApioReseller',
  }),
  sample('SystemDomainAddRequest', SystemDomainAddRequest, { domain: DOMAIN }),
  sample('ServiceProviderDomainAssignListRequest', ServiceProviderDomainAssignListRequest, {
    serviceProviderId: SP,
    domain: [DOMAIN, 'voip.netaxis.be'],
  }),
  sample('GroupAddRequest-minimal', GroupAddRequest, { serviceProviderId: SP, groupId: GROUP, defaultDomain: DOMAIN, userLimit: 25 }),
  sample('GroupAddRequest-full', GroupAddRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    defaultDomain: DOMAIN,
    userLimit: 999999,
    groupName: 'APIO Test Group',
    callingLineIdName: 'APIO Test',
    timeZone: 'Europe/Brussels',
    locationDialingCode: '71',
    contact,
    address,
    servicePolicy: 'default',
    callProcessingSliceId: 'slice-1',
    provisioningSliceId: 'slice-1',
    subscriberPartition: 'partition-1',
    preferredDataCenter: 'dc-1',
    defaultUserCallingLineIdPhoneNumber: '+32-71123450',
  }),
  sample('GroupModifyRequest-cli-number', GroupModifyRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    callingLineIdPhoneNumber: '+32-71123450',
  }),
  sample('GroupModifyRequest-full', GroupModifyRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    defaultDomain: DOMAIN,
    userLimit: 50,
    groupName: 'APIO Test Group',
    callingLineIdName: 'APIO Test',
    callingLineIdPhoneNumber: '+3271123450',
    timeZone: 'Europe/Brussels',
    locationDialingCode: '71',
    contact: { contactName: null, contactNumber: '+3271123400', contactEmail: null },
    address: { ...address, addressLine2: null },
    servicePolicy: null,
    callProcessingSliceId: 'slice-1',
    provisioningSliceId: null,
    subscriberPartition: 'partition-1',
    preferredDataCenter: null,
    defaultUserCallingLineIdPhoneNumber: null,
    extensionLengthSettings: { minExtensionLength: 2, maxExtensionLength: 6, defaultExtensionLength: 4, useEnterpriseExtensionLengthSetting: false },
  }),
  sample('GroupModifyRequest-clear', GroupModifyRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    groupName: null,
    callingLineIdName: null,
    callingLineIdPhoneNumber: null,
    locationDialingCode: null,
  }),
  sample('GroupDomainAssignListRequest', GroupDomainAssignListRequest, { serviceProviderId: SP, groupId: GROUP, domain: [DOMAIN] }),
  sample('ServiceProviderDnAddListRequest', ServiceProviderDnAddListRequest, {
    serviceProviderId: SP,
    phoneNumber: ['+3271123456', '+32-71123457'],
    dnRange: [
      { minPhoneNumber: '+3271123400', maxPhoneNumber: '+3271123449' },
      { minPhoneNumber: '+32-71123500', maxPhoneNumber: '+32-71123599' },
    ],
  }),
  sample('GroupDnAssignListRequest', GroupDnAssignListRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    phoneNumber: ['+3271123456'],
    dnRange: [{ minPhoneNumber: '+3271123400', maxPhoneNumber: '+3271123449' }],
  }),
  sample('GroupDepartmentAddRequest-minimal', GroupDepartmentAddRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    departmentName: 'test_department_initial',
  }),
  sample('GroupDepartmentAddRequest-parent', GroupDepartmentAddRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    departmentName: 'test_department_child',
    parentDepartmentKey: groupDepartment,
    callingLineIdName: 'Child Department',
    callingLineIdPhoneNumber: '+3271123451',
  }),
  sample('ServiceProviderAdminAddRequest14', ServiceProviderAdminAddRequest14, {
    serviceProviderId: SP,
    userId: 'ApioSpTestAdmin',
    firstName: 'Sp',
    lastName: 'Admin',
    password: 'Adm1n!Pass',
    language: 'English',
    administratorType: 'Normal',
  }),
  sample('GroupAdminAddRequest', GroupAdminAddRequest, {
    serviceProviderId: SP,
    groupId: GROUP,
    userId: `ApioGrpTestAdmin@${DOMAIN}`,
    firstName: 'Group',
    lastName: 'Admin',
    password: 'Adm1n!Pass',
    language: 'English',
  }),
];

export const sampleCommands: readonly SampleCommand[] = [...login, ...lookups, ...instantGroupCall, ...world];
