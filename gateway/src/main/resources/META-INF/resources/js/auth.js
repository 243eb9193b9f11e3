// Sign-in through Keycloak (authorization code flow with PKCE, by keycloak-js). Tokens live in memory
// only; a page load finds the Keycloak session again with a silent check in a hidden frame.
import Keycloak from '/vendor/keycloak-js/keycloak.js';

const RETURN_TO = 'booking.returnTo';
// Refresh when the access token has less than this left; keycloak-js uses the refresh token.
const MIN_VALIDITY_SECONDS = 30;

let keycloak = null;

export async function startAuth(settings) {
  keycloak = new Keycloak({ url: settings.url, realm: settings.realm, clientId: settings.clientId });
  keycloak.onTokenExpired = () => keycloak.updateToken(MIN_VALIDITY_SECONDS).catch(() => {});
  await keycloak.init({
    onLoad: 'check-sso',
    pkceMethod: 'S256',
    responseMode: 'query',
    checkLoginIframe: false,
    silentCheckSsoRedirectUri: `${location.origin}/silent-check-sso.html`,
  });
  const returnTo = sessionStorage.getItem(RETURN_TO);
  if (returnTo && keycloak.authenticated) {
    sessionStorage.removeItem(RETURN_TO);
    if (location.hash !== returnTo) location.hash = returnTo;
  }
  return keycloak.authenticated;
}

export const signedIn = () => Boolean(keycloak?.authenticated);

export function userId() {
  return keycloak?.tokenParsed?.sub ?? null;
}

export function userName() {
  return keycloak?.tokenParsed?.name || keycloak?.tokenParsed?.email || '';
}

/** A valid access token, refreshed first when it is about to expire; null when signed out. */
export async function token() {
  if (!signedIn()) return null;
  try {
    await keycloak.updateToken(MIN_VALIDITY_SECONDS);
  } catch {
    // The session is over (signed out elsewhere, or expired): continue without a token.
    keycloak.clearToken();
    return null;
  }
  return keycloak.token;
}

export function signIn(options = {}) {
  sessionStorage.setItem(RETURN_TO, location.hash || '#/');
  return keycloak.login({ redirectUri: `${location.origin}/`, ...options });
}

export function signOut() {
  sessionStorage.removeItem(RETURN_TO);
  return keycloak.logout({ redirectUri: `${location.origin}/` });
}
