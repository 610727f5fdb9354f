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

describe('URLs in logs', () => {
  it('lose their secret query parameters, in messages and in data', async () => {
    const { redactUrl } = await import('@/lib/log/logger');
    const url = 'http://127.0.0.1:4100/shopee/api/v2/product/get_item_list?partner_id=2001&timestamp=17&access_token=tok-SECRET&shop_id=3&sign=abc123SIGN&item_status=NORMAL';
    const clean = redactUrl(url);
    expect(clean).not.toMatch(/tok-SECRET|abc123SIGN/);
    expect(clean).toContain('item_status=NORMAL');
    expect(redactUrl('https://x/wp-json/wc/v3/products?consumer_key=ck_1&consumer_secret=cs_2&oauth_signature=zz&page=2')).not.toMatch(/ck_1|cs_2|=zz/);
    const lines: string[] = [];
    setLogSink((_l, _s, message, data) => lines.push(message + JSON.stringify(data)));
    setLogLevel('debug');
    logger('http').debug(`GET ${url} → 200`, { next: url });
    expect(lines.join('\n')).not.toMatch(/tok-SECRET|abc123SIGN/);
  });
});
