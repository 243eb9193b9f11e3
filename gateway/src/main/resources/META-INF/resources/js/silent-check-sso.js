// Keycloak's silent session check ends in this page inside a hidden frame: hand the answer back
// to the page that asked (same origin only). A file, not an inline script: the CSP allows no inline code.
parent.postMessage(location.href, location.origin);
