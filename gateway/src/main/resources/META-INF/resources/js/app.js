// The web client: a few views behind hash routes (#/, #/listings/{id}, #/bookings/{id}, ...), so the
// gateway serves plain files and the page never reloads between them.
import { configure } from './api.js';
import { signIn, signOut, signedIn, startAuth } from './auth.js';
import { h } from './dom.js';
import { notify, notifications, refreshUnread } from './live.js';
import { follow } from './stream.js';
import { searchView } from './views/search.js';
import { listingView } from './views/listing.js';
import { bookingView } from './views/booking.js';
import { bookingsView } from './views/bookings.js';
import { notificationsView } from './views/notifications.js';
import { profileView } from './views/profile.js';
import { signUpView } from './views/signup.js';
import { token } from './auth.js';

const routes = [
  { pattern: /^\/$/, view: searchView, title: 'Find a place' },
  { pattern: /^\/listings\/([0-9a-f-]{36})$/, view: listingView, title: 'Listing' },
  { pattern: /^\/bookings$/, view: bookingsView, title: 'My bookings', signedIn: true },
  { pattern: /^\/bookings\/([0-9a-f-]{36})$/, view: bookingView, title: 'Booking', signedIn: true },
  { pattern: /^\/notifications$/, view: notificationsView, title: 'Notifications', signedIn: true },
  { pattern: /^\/profile$/, view: profileView, title: 'Profile', signedIn: true },
  { pattern: /^\/signup$/, view: signUpView, title: 'Sign up' },
];

const main = document.getElementById('main');
let leaveView = null;

async function route() {
  const [path, query = ''] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query);
  const match = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  leaveView?.();
  leaveView = null;
  main.replaceChildren();
  if (!match) {
    document.title = 'Not found · Booking Platform';
    main.append(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the search')));
    return;
  }
  document.title = `${match.r.title} · Booking Platform`;
  if (match.r.signedIn && !signedIn()) {
    main.append(h('section', { class: 'card narrow', id: 'sign-in-required' },
      h('h1', {}, match.r.title),
      h('p', {}, 'Please sign in to see this page.'),
      h('p', { class: 'actions' },
        h('button', { type: 'button', onclick: () => signIn() }, 'Sign in'),
        h('a', { class: 'button secondary', href: '#/signup' }, 'Create an account'))));
    return;
  }
  try {
    leaveView = await match.r.view(main, { id: match.m[1], params }) || null;
  } catch (e) {
    main.append(h('div', { class: 'error', role: 'alert' }, e.message));
  }
  main.focus({ preventScroll: true });
}

function showSignedIn() {
  const state = signedIn() ? 'signed-in' : 'signed-out';
  for (const element of document.querySelectorAll('[data-when]')) element.hidden = element.dataset.when !== state;
}

async function start() {
  configure({
    token,
    waiting: (seconds, status) => notify(status === 429
      ? `Too many requests: trying again in ${seconds} s.`
      : `The service is busy: trying again in ${seconds} s.`),
  });
  const settings = await fetch('/web-config.json').then((r) => r.json());
  try {
    await startAuth(settings);
  } catch {
    notify('Sign-in is unavailable right now; you can still browse.');
  }
  window.addEventListener('hashchange', route);
  showSignedIn();
  document.getElementById('sign-in').addEventListener('click', () => signIn());
  document.getElementById('sign-out').addEventListener('click', () => signOut());
  if (signedIn()) {
    follow((n) => notifications.dispatchEvent(new CustomEvent('notification', { detail: n })));
    notifications.addEventListener('notification', refreshUnread);
    refreshUnread();
  }
  await route();
  // For tests and scripts: the first view is shown and navigation is handled from here on.
  document.documentElement.dataset.ready = 'true';
}

start();
