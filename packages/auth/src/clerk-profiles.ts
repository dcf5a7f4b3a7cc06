// Profile fields (email, name, avatar) from Clerk's Backend API for users whose
// session token does not carry them. Best effort: any failure yields null and the
// caller keeps what the token says.
import type { ClerkClient } from '@clerk/backend';
import type { ProfileSource } from './types.ts';

export interface ClerkProfilesOptions {
  secretKey: string;
  apiUrl?: string;
  /** Give up after this long (ms). Default 3 s. */
  timeoutMs?: number;
}

type Profile = { email?: string; name?: string; imageUrl?: string };

export function createClerkProfiles(opts: ClerkProfilesOptions): ProfileSource {
  // The SDK is loaded with the first lookup, not with the process.
  let clerk: Promise<ClerkClient> | undefined;
  const client = () =>
    (clerk ??= import('@clerk/backend').then(({ createClerkClient }) =>
      createClerkClient({ secretKey: opts.secretKey, apiUrl: opts.apiUrl }),
    ));
  const timeoutMs = opts.timeoutMs ?? 3_000;

  return {
    async fetchProfile(clerkId) {
      if (!clerkId) return null;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
        timer.unref?.();
      });
      const lookup = (async (): Promise<Profile | null> => {
        try {
          const user = await (await client()).users.getUser(clerkId);
          const profile: Profile = {};
          const email = user.primaryEmailAddress?.emailAddress;
          const name = [user.firstName, user.lastName].filter(Boolean).join(' ').trim() || user.username || undefined;
          if (email) profile.email = email;
          if (name) profile.name = name;
          if (user.imageUrl) profile.imageUrl = user.imageUrl;
          return profile;
        } catch {
          // 404 (no such user), 401 (wrong key), network errors: nothing to add.
          return null;
        }
      })();
      try {
        return await Promise.race([lookup, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
