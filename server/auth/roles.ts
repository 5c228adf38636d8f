// The roles a token can carry (api-contract.md), here so that both the configuration and the token
// parser use one closed list without importing each other.
export const ROLES = ['analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A caller without a token reads as `public`. */
export type CallerRole = 'public' | Role;
