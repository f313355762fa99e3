// Normalises every number of a request at once, so a 400 lists every bad one with its path.
// DNs go to BroadWorks as +CC-NSN; destinations as E.164; SIP URI destinations pass unchanged.
import { InvalidPhoneNumberError, normalizePhoneNumber } from '../../phone/index.js';
import type { NormalizedNumber } from '../../phone/index.js';
import type { Problem } from '../../domain/errors.js';
import { validationError } from '../../domain/errors.js';
import { SIP_URI } from './schemas.js';
import type { CreateInstanceInput } from './schemas.js';

export interface NumberFields {
  phoneNumber?: string | null;
  callingLineIdPhoneNumber?: string | null;
  destinationPhoneNumbers?: string[];
}

export interface NormalizedNumbers {
  phoneNumber?: NormalizedNumber | null;
  callingLineIdPhoneNumber?: NormalizedNumber | null;
  destinationPhoneNumbers?: string[];
}

/** `""` and null both mean "no number" (cleared on PUT, absent on POST). */
export function normalizeRequestNumbers(fields: NumberFields, cliCallingCode: string | undefined): NormalizedNumbers {
  const problems: Problem[] = [];
  const one = (value: string | null | undefined, path: string): NormalizedNumber | null | undefined => {
    if (value === undefined) return undefined;
    if (value === null || value.trim() === '') return null;
    try {
      return normalizePhoneNumber(value, cliCallingCode);
    } catch (error) {
      if (!(error instanceof InvalidPhoneNumberError)) throw error;
      problems.push({ path, message: error.message });
      return undefined;
    }
  };
  const result: NormalizedNumbers = {
    phoneNumber: one(fields.phoneNumber, 'serviceInstanceProfile.phoneNumber'),
    callingLineIdPhoneNumber: one(fields.callingLineIdPhoneNumber, 'serviceInstanceProfile.callingLineIdPhoneNumber'),
  };
  if (fields.destinationPhoneNumbers) {
    result.destinationPhoneNumbers = fields.destinationPhoneNumbers.map((destination, index) => {
      const path = `destinationPhoneNumbers[${index}]`;
      if (destination.includes('@')) {
        const uri = destination.trim();
        if (!SIP_URI.test(uri)) problems.push({ path, message: `'${destination}' is not a SIP URI (user@host, no sip: prefix)` });
        return uri;
      }
      return one(destination, path)?.e164 ?? destination;
    });
  }
  if (problems.length > 0) throw validationError(problems);
  return result;
}

/** The number fields of a POST body; with `except`, only those `except` does not already have. */
export function numberFields(
  input: { serviceInstanceProfile: { phoneNumber?: string; callingLineIdPhoneNumber?: string }; destinationPhoneNumbers?: string[] },
  except: NumberFields = {},
): NumberFields {
  const profile = input.serviceInstanceProfile;
  return {
    ...(except.phoneNumber === undefined && { phoneNumber: profile.phoneNumber }),
    ...(except.callingLineIdPhoneNumber === undefined && { callingLineIdPhoneNumber: profile.callingLineIdPhoneNumber }),
    ...(except.destinationPhoneNumbers === undefined && { destinationPhoneNumbers: input.destinationPhoneNumbers }),
  };
}

/** Numbers normalised from two sources (the request, and a template's defaults for what it lacked). */
export function mergeNumbers(first: NormalizedNumbers, second: NormalizedNumbers): NormalizedNumbers {
  return {
    phoneNumber: first.phoneNumber !== undefined ? first.phoneNumber : second.phoneNumber,
    callingLineIdPhoneNumber: first.callingLineIdPhoneNumber !== undefined ? first.callingLineIdPhoneNumber : second.callingLineIdPhoneNumber,
    destinationPhoneNumbers: first.destinationPhoneNumbers ?? second.destinationPhoneNumbers,
  };
}

/** The POST input with its numbers as BroadWorks takes them: DNs as +CC-NSN, destinations in E.164. */
export function withNumbers(input: CreateInstanceInput, numbers: NormalizedNumbers): CreateInstanceInput {
  return {
    ...input,
    serviceInstanceProfile: {
      ...input.serviceInstanceProfile,
      phoneNumber: numbers.phoneNumber?.dn,
      callingLineIdPhoneNumber: numbers.callingLineIdPhoneNumber?.dn,
    },
    destinationPhoneNumbers: numbers.destinationPhoneNumbers,
  };
}
