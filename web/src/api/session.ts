// The caller's access token (editor, analyst or admin), kept in sessionStorage only: it leaves with the
// tab, is never written to the URL and is sent as `Authorization: Bearer` on every request.
const TOKEN_KEY = 'kg-token';
const ROLE_KEY = 'kg-role';
const listeners = new Set<() => void>();

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function getRole(): string {
  return sessionStorage.getItem(ROLE_KEY) ?? 'public';
}

export function setSession(token: string, role: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(ROLE_KEY, role);
  for (const listener of listeners) listener();
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(ROLE_KEY);
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
