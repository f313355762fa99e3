// Instant Group Call: the use cases and how to build their dependencies from the settings.
import { join } from 'node:path';
import { compileIdRule } from '../../ids/index.js';
import type { Store } from '../../store/index.js';
import { GroupDataCache } from '../../domain/group-data.js';
import { storeIdReservations } from '../../domain/id-reservations.js';
import type { OcipGateway } from '../../domain/ocip-gateway.js';
import { TemplateCatalogue } from '../../domain/templates.js';
import type { InstantGroupCallDeps } from './service.js';

export * from './service.js';
export { createInstance } from './create-instance.js';
export { updateInstance } from './update-instance.js';

/** The APIO settings this feature reads, under their APIO names. */
export interface InstantGroupCallConfig {
  rootDir: string;
  AUTOMATIC_ID_RULES: {
    SUID_INSTANT_GROUP_CALL_AUTO_GENERATE: boolean;
    SUID_INSTANT_GROUP_CALL_RULE: string;
    SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: boolean;
  };
  GROUP_NUMBERS_USE_CC_CLI: boolean;
  SERVICE_USERS_RETURN_ACTIVE_STATUS: boolean;
}

/** Compiles the id rule and loads the templates: a bad rule or template stops start-up here. */
export function createInstantGroupCallDeps(config: InstantGroupCallConfig, ocip: OcipGateway, store: Store): InstantGroupCallDeps {
  const rules = config.AUTOMATIC_ID_RULES;
  return {
    ocip,
    groups: new GroupDataCache(ocip, store),
    ids: storeIdReservations(store),
    templates: TemplateCatalogue.load(join(config.rootDir, 'templates')),
    settings: {
      autoGenerate: rules.SUID_INSTANT_GROUP_CALL_AUTO_GENERATE,
      idRule: compileIdRule(rules.SUID_INSTANT_GROUP_CALL_RULE, 'AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_RULE'),
      updateIdWithPhoneNumber: rules.SERVICE_USERS_UPDATE_ID_PHONE_NUMBER,
      numbersUseCliCountry: config.GROUP_NUMBERS_USE_CC_CLI,
      returnActiveStatus: config.SERVICE_USERS_RETURN_ACTIVE_STATUS,
    },
  };
}
