// The APIO settings the Instant Group Call reads, under their APIO names, and the dependencies its
// use cases run on: a bad id rule or template stops start-up here.
import type { IdRule } from '../../ids/index.js';
import { compileIdRule } from '../../ids/index.js';
import type { ServiceInstanceKit } from '../../domain/service-instance-kit.js';

export interface InstantGroupCallSettings {
  /** AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_AUTO_GENERATE */
  autoGenerate: boolean;
  /** AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_RULE, compiled at start-up. */
  idRule: IdRule;
  /** AUTOMATIC_ID_RULES.SERVICE_USERS_UPDATE_ID_PHONE_NUMBER */
  updateIdWithPhoneNumber: boolean;
  /** GROUP_NUMBERS_USE_CC_CLI */
  numbersUseCliCountry: boolean;
  /** SERVICE_USERS_RETURN_ACTIVE_STATUS */
  returnActiveStatus: boolean;
}

/** The settings this service reads (config/default.json, src/config/schema.ts). */
export interface InstantGroupCallConfig {
  AUTOMATIC_ID_RULES: {
    SUID_INSTANT_GROUP_CALL_AUTO_GENERATE: boolean;
    SUID_INSTANT_GROUP_CALL_RULE: string;
    SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: boolean;
  };
  GROUP_NUMBERS_USE_CC_CLI: boolean;
  SERVICE_USERS_RETURN_ACTIVE_STATUS: boolean;
}

export interface InstantGroupCallDeps extends ServiceInstanceKit {
  settings: InstantGroupCallSettings;
}

export function readSettings(config: InstantGroupCallConfig): InstantGroupCallSettings {
  const rules = config.AUTOMATIC_ID_RULES;
  return {
    autoGenerate: rules.SUID_INSTANT_GROUP_CALL_AUTO_GENERATE,
    idRule: compileIdRule(rules.SUID_INSTANT_GROUP_CALL_RULE, 'AUTOMATIC_ID_RULES.SUID_INSTANT_GROUP_CALL_RULE'),
    updateIdWithPhoneNumber: rules.SERVICE_USERS_UPDATE_ID_PHONE_NUMBER,
    numbersUseCliCountry: config.GROUP_NUMBERS_USE_CC_CLI,
    returnActiveStatus: config.SERVICE_USERS_RETURN_ACTIVE_STATUS,
  };
}
