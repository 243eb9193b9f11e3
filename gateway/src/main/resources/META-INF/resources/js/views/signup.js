import { api } from '../api.js';
import { signIn } from '../auth.js';
import { field, h, newKey } from '../dom.js';
import { LOCALES } from './profile.js';

/** Sign-up through user-service; then sign in at Keycloak with the new address filled in. */
export function signUpView(main) {
  const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'email' });
  const displayName = h('input', { name: 'displayName', required: true, maxlength: 100, autocomplete: 'name' });
  const password = h('input', { name: 'password', type: 'password', required: true, minlength: 12, maxlength: 128, autocomplete: 'new-password' });
  const locale = h('select', { name: 'locale' }, Object.entries(LOCALES).map(([value, label]) => h('option', { value }, label)));
  const message = h('div', { role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit' }, 'Create account');
  // One key for this form: submitting twice (a double click, a retry) creates one account.
  let key = newKey();
  for (const input of [email, displayName, password, locale]) input.addEventListener('input', () => { key = newKey(); });

  const form = h('form', { class: 'card narrow', id: 'signup-form', onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.hidden = true;
    try {
      await api('/users', { method: 'POST', idempotencyKey: key, body: {
        email: email.value, password: password.value, displayName: displayName.value, locale: locale.value } });
      form.replaceChildren(h('h2', {}, 'Welcome!'), h('p', { role: 'status' }, 'Your account is ready.'),
        h('p', { class: 'actions' }, h('button', { type: 'button', id: 'signup-sign-in', onclick: () => signIn({ loginHint: email.value }) }, 'Sign in now')));
    } catch (e) {
      message.className = 'error';
      message.textContent = e.message;
      message.hidden = false;
      submit.disabled = false;
    }
  } },
  field('E-mail address', email), field('Your name', displayName),
  field('Password', password, 'At least 12 characters, not your e-mail address'),
  field('Language', locale), message, h('p', { class: 'actions' }, submit));
  main.append(h('h1', {}, 'Create an account'), form);
}
