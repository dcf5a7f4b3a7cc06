import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { startFakeClerkApi, type FakeClerkApi } from '@ap/testing/fake-clerk-api';
import { createClerkProfiles } from '../src/clerk-profiles.ts';

let api: FakeClerkApi;

beforeAll(async () => {
  api = await startFakeClerkApi();
  api.addUser({
    id: 'user_alice',
    email: 'alice@example.com',
    otherEmails: ['old-alice@example.com'],
    firstName: 'Alice',
    lastName: 'Liddell',
    imageUrl: 'https://img.example/alice.png',
  });
  api.addUser({ id: 'user_bob', username: 'bob42' });
});
afterAll(async () => {
  await api.close();
});

describe('createClerkProfiles', () => {
  it('fetches the primary email, full name and image', async () => {
    const profiles = createClerkProfiles({ secretKey: api.secretKey, apiUrl: api.url });
    const before = api.callsByUser.get('user_alice') ?? 0;
    await expect(profiles.fetchProfile('user_alice')).resolves.toEqual({
      email: 'alice@example.com',
      name: 'Alice Liddell',
      imageUrl: 'https://img.example/alice.png',
    });
    expect(api.callsByUser.get('user_alice')).toBe(before + 1);
  });

  it('falls back to the username and omits a missing email', async () => {
    const profiles = createClerkProfiles({ secretKey: api.secretKey, apiUrl: api.url });
    const p = await profiles.fetchProfile('user_bob');
    expect(p).toMatchObject({ name: 'bob42' });
    expect(p).not.toHaveProperty('email');
  });

  it('returns null for an unknown user (404)', async () => {
    const profiles = createClerkProfiles({ secretKey: api.secretKey, apiUrl: api.url });
    await expect(profiles.fetchProfile('user_nobody')).resolves.toBeNull();
    expect(api.callsByUser.get('user_nobody')).toBeGreaterThanOrEqual(1);
  });

  it('returns null with a wrong secret key', async () => {
    const profiles = createClerkProfiles({ secretKey: 'sk_test_wrong', apiUrl: api.url });
    const before = api.calls;
    await expect(profiles.fetchProfile('user_alice')).resolves.toBeNull();
    expect(api.calls).toBeGreaterThan(before);
  });

  it('returns null when the API is unreachable', async () => {
    // A port that was just free: connection refused.
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const profiles = createClerkProfiles({ secretKey: api.secretKey, apiUrl: `http://127.0.0.1:${port}` });
    await expect(profiles.fetchProfile('user_alice')).resolves.toBeNull();
  });

  it('gives up quickly when the API hangs', async () => {
    const slow = await startFakeClerkApi();
    slow.addUser({ id: 'user_slow', email: 'slow@example.com' });
    slow.delayMs = 5_000;
    try {
      const profiles = createClerkProfiles({ secretKey: slow.secretKey, apiUrl: slow.url, timeoutMs: 200 });
      const started = Date.now();
      await expect(profiles.fetchProfile('user_slow')).resolves.toBeNull();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await slow.close();
    }
  });
});
