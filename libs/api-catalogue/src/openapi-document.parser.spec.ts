import { describe, expect, it } from 'vitest';
import { DomainError } from '@keyport/common';
import { ECHO_DEMO_DOCUMENT } from './echo-demo.document';
import { parseOpenApi } from './openapi-document.parser';

function refusal(input: unknown): DomainError {
  try {
    parseOpenApi(input);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('accepted');
}

describe('parseOpenApi', () => {
  it('reads YAML and JSON text alike, keeping info and the document as plain JSON', () => {
    const yaml = parseOpenApi('openapi: 3.1.0\ninfo:\n  title: T\n  version: "1"\n  description: D\npaths: {}\n');
    expect(yaml).toEqual({
      title: 'T',
      version: '1',
      description: 'D',
      document: { openapi: '3.1.0', info: { title: 'T', version: '1', description: 'D' }, paths: {} },
    });
    expect(parseOpenApi(JSON.stringify(yaml.document))).toEqual(yaml);
  });

  it('accepts the seeded echo demo', () => {
    expect(parseOpenApi(ECHO_DEMO_DOCUMENT).title).toBe('Echo (demo)');
  });

  it('refuses what is not OpenAPI 3.x with API_DOCUMENT_INVALID and the field at fault', () => {
    for (const [input, field] of [
      ['openapi: 3.0.0\ninfo: [', 'document'],
      ['just text', 'document'],
      [{ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} }, 'openapi'],
      [{ openapi: '3.0.0', paths: {} }, 'info'],
      [{ openapi: '3.0.0', info: { title: ' ', version: '1' }, paths: {} }, 'info.title'],
      [{ openapi: '3.0.0', info: { title: 'T' }, paths: {} }, 'info.version'],
      [{ openapi: '3.0.0', info: { title: 'T', version: '1' } }, 'paths'],
      [{ openapi: '3.0.0', info: { title: 'T', version: '1' }, paths: { '/a': { summary: 'x\u0000' } } }, 'paths./a.summary'],
      ['openapi: 3.0.0\nopenapi: 3.0.1\n', 'document'],
    ] as const) {
      const error = refusal(input);
      expect(error.code, JSON.stringify(input)).toBe('API_DOCUMENT_INVALID');
      expect(error.details?.[0]?.field, JSON.stringify(input)).toBe(field);
    }
  });

  it('stops a YAML alias bomb at the alias limit', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const error = refusal(`${levels.join('\n')}\n`);
    expect(error.details?.[0]).toMatchObject({ field: 'document', message: expect.stringContaining('not valid YAML') });
  });
});
