import { type KeyObject, createSign } from 'node:crypto';

/** An RS256 JWT over `claims`, signed with `key` under the header `kid`. */
export function signRs256(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url');
  return `${signingInput}.${signature}`;
}
