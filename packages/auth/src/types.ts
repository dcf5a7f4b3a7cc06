import type { JWTPayload } from 'jose';

/** Organization claims of a Clerk session token (v2: under `o`). */
export interface ClerkOrganizationClaims {
  id: string;
  slug?: string;
  role?: string;
  permissions?: string[];
}

/** Who a verified session token says the caller is. */
export interface ClerkUser {
  /** Clerk user id (`sub`). */
  clerkId: string;
  sessionId?: string;
  authorizedParty?: string;
  organization?: ClerkOrganizationClaims;
  /** Present when the issuer adds them (custom session claims, the local issuer). */
  email?: string;
  name?: string;
  imageUrl?: string;
  claims: JWTPayload;
}

export class AuthError extends Error {
  override name = 'AuthError';
}

export interface Authenticator {
  /** Verifies `Authorization: Bearer …`; throws AuthError when it is missing or invalid. */
  authenticate(authorization: string | null | undefined): Promise<ClerkUser>;
}

/** Profile fields from Clerk's Backend API, for what the token does not carry. */
export interface ProfileSource {
  fetchProfile(clerkId: string): Promise<{ email?: string; name?: string; imageUrl?: string } | null>;
}
