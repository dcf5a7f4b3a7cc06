import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../src/call-policy.ts';
import { AiUnavailableError } from '../src/errors.ts';

describe('call policy', () => {
  it('reads retry-after-ms, then retry-after in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 01 Dec 2026 12:00:07 GMT' }), now)).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 01 Dec 2026 11:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after-ms': 'x' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('gives every AI failure a whole, positive Retry-After', () => {
    const given = new AiUnavailableError({
      service: 'chat',
      provider: 'openai',
      reason: 'rate_limited',
      message: '429',
      retryAfterSeconds: 0.25,
    });
    expect(given.retryAfterSeconds).toBe(1);
    const defaulted = new AiUnavailableError({ service: 'embeddings', provider: 'azure-openai', reason: 'timeout', message: 'slow' });
    expect(defaulted.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(defaulted.retryAfterSeconds)).toBe(true);
    expect(defaulted.message).toBe('azure-openai embeddings: slow');
    expect(defaulted.name).toBe('AiUnavailableError');
  });
});
