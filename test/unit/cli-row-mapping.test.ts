// --map and --drop on APIO bodies: each kind rewrites the fields it names, `*` carries text across,
// the first rule wins, an id rule beats the domain rule, and a wrong map or field is refused.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CliError } from '../../src/cli/errors.js';
import { createRowMapping, parseDrop, parseMap, rewriteBody } from '../../src/cli/row-mapping.js';

const MAP = `kind,from,to
# a comment
id,Boss@old.example,chief@new.example
domain,old.example,new.example
number,+32 71 12 34 5*,+3222220*
number,34*,20*
department,Sales,Ventes
`;

describe('row mapping', () => {
  const mapping = createRowMapping(parseMap(MAP), []);

  test('every field of its kind is rewritten; what no rule matches is kept', () => {
    const body = {
      serviceUserId: 'boss@OLD.example',
      serviceInstanceProfile: {
        name: 'N',
        phoneNumber: '+32-71123456',
        extension: '3456',
        callingLineIdPhoneNumber: '+3271123450',
        aliases: ['alias@old.example', 'x@elsewhere.example'],
        publicUserIdentity: 'Pub@Old.Example',
        department: { tenantId: 'T', groupId: 'G', departmentName: 'Sales' },
      },
      destinationPhoneNumbers: ['+32 71 12 34 57', 'someone@old.example', '+3299999999'],
    };
    assert.deepEqual(rewriteBody(body, mapping), {
      serviceUserId: 'chief@new.example',
      serviceInstanceProfile: {
        name: 'N',
        phoneNumber: '+32222206',
        extension: '2056',
        callingLineIdPhoneNumber: '+32222200',
        aliases: ['alias@new.example', 'x@elsewhere.example'],
        publicUserIdentity: 'Pub@new.example',
        department: { tenantId: 'T', groupId: 'G', departmentName: 'Ventes' },
      },
      destinationPhoneNumbers: ['+32222207', 'someone@new.example', '+3299999999'],
    });
    assert.equal(body.serviceUserId, 'boss@OLD.example', 'the given body is left as it is');
  });

  test('--drop leaves fields out; unknown or required fields are refused', () => {
    const drop = createRowMapping(new Map(), parseDrop('phoneNumber, extension,aliases,active'));
    const body = { serviceUserId: 'a@b', serviceInstanceProfile: { name: 'N', phoneNumber: '+3271123456', extension: '1', aliases: ['x@b'] }, active: false };
    assert.deepEqual(rewriteBody(body, drop), { serviceUserId: 'a@b', serviceInstanceProfile: { name: 'N' } });
    assert.throws(() => parseDrop('phoneNumber,name'), (error: unknown) => error instanceof CliError && error.code === 'USAGE' && /name cannot be dropped/.test(error.message));
  });

  test('a map that cannot be used is refused with its row', () => {
    for (const [content, message] of [
      ['kind,from,to\nuser,a,b\n', /row 2: kind 'user' is not one of id, number, domain, department/],
      ['id,a*b*,c\n', /row 1: at most one '\*'/],
      ['number,+32*,+33*,x\n', /row 1: expected kind,from,to \(4 cells\)/],
      ['domain,,x\n', /row 1: from and to must not be empty/],
    ] as const) {
      assert.throws(() => parseMap(content, 'map.csv'), (error: unknown) => error instanceof CliError && error.code === 'FILE' && message.test(error.message), content);
    }
  });
});
