import { afterEach, describe, expect, it } from 'vitest';
import { logger, redact, setLogLevel, setLogSink } from '@/lib/log/logger';

afterEach(() => {
  setLogSink(null);
  setLogLevel('info');
});

describe('logging', () => {
  it('redacts anything that looks like a credential, at any depth', () => {
    const out = JSON.stringify(redact({
      store: { credentials: { partnerKey: 'pk-123' }, accessToken: 'at-1', refresh_token: 'rt-1', name: 'Shop' },
      request: { query: { sign: 'abcdef', partner_id: 1 }, headers: { Authorization: 'Basic xyz', 'x-tts-access-token': 'tt-9f3' } },
      list: [{ appSecret: 's3cr3t', sku: 'A-1' }],
    }));
    for (const secret of ['pk-123', 'at-1', 'rt-1', 'abcdef', 'Basic xyz', 'tt-9f3', 's3cr3t']) expect(out).not.toContain(secret);
    expect(out).toContain('Shop');
    expect(out).toContain('A-1');
  });

  it('honours the level', () => {
    const lines: string[] = [];
    setLogSink((level, _scope, message) => lines.push(`${level} ${message}`));
    const log = logger('test');
    log.debug('hidden');
    log.info('shown');
    setLogLevel('debug');
    log.debug('now shown');
    expect(lines).toEqual(['info shown', 'debug now shown']);
  });
});
