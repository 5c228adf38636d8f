// The identity module's public face: token lists with names, the reloading store, the failed-token
// throttle, and the hook a response cache subscribes to when tokens are revoked.
export { Authenticator, type Caller } from './authenticator.js';
export { clientAddress, parseTrustedProxies, type TrustedProxies } from './client-address.js';
export { ROLES, type CallerRole, type Role } from './roles.js';
export { FailedTokenThrottle, failureDelayMs, parseThrottle, type ThrottleSettings } from './throttle.js';
export { nameProblem, parseTokenLines, TokenListError, type TokenEntry } from './token-lines.js';
export { readTokensFile, TokenStore, type TokenSettings } from './token-store.js';
export { onTokensChanged, type TokenIdentity, type TokensChange } from './tokens-changed.js';
