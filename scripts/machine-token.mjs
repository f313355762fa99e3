// Makes a machine token for auth.machineTokens: `node scripts/machine-token.mjs` prints a new random
// token (give it to the script or OSS system, once) and the SHA-256 to put in the configuration.
// `printf %s "$TOKEN" | node scripts/machine-token.mjs --hash` prints the hash of an existing token
// (read from stdin, so it stays out of the shell history and the process list).
import { createHash, randomBytes } from 'node:crypto';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

if (process.argv.includes('--hash')) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const token = Buffer.concat(chunks).toString('utf8').trim();
  if (!token) {
    console.error('no token on stdin');
    process.exit(1);
  }
  console.log(sha256(token));
} else {
  const token = `apio_${randomBytes(32).toString('base64url')}`;
  console.log(`token:  ${token}`);
  console.log(`sha256: ${sha256(token)}`);
  console.log('config: { "name": "<who uses it>", "sha256": "' + sha256(token) + '", "level": 16 }');
}
