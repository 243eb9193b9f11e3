import { api, get } from '../api.js';
import { signOut } from '../auth.js';
import { field, h } from '../dom.js';
import { notify } from '../live.js';

export const LOCALES = { en: 'English', de: 'Deutsch', pt: 'Português', fr: 'Français', es: 'Español' };

const EMAILS = {
  holdCreated: 'A place is held for me',
  paymentDeclined: 'A payment is declined',
  confirmed: 'A booking is confirmed',
  expired: 'A hold expires unpaid',
  cancelled: 'A booking is cancelled',
  refunded: 'A payment is refunded',
};

/** The own profile (name, phone, language, e-mail switches) and the erasure of the account. */
export async function profileView(main) {
  const profile = await get('/users/me');
  const displayName = h('input', { name: 'displayName', required: true, maxlength: 100, autocomplete: 'name', value: profile.displayName ?? '' });
  const phone = h('input', { name: 'phone', type: 'tel', autocomplete: 'tel', placeholder: '+351912345678', value: profile.phone ?? '' });
  const locale = h('select', { name: 'locale' }, Object.entries(LOCALES).map(([value, label]) => h('option', { value, selected: profile.locale === value }, label)));
  const switches = Object.entries(EMAILS).map(([key, label]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: key, checked: profile.emailPreferences?.[key] !== false }), ` ${label}`));
  const message = h('div', { role: 'status', hidden: true });
  const form = h('form', { class: 'card narrow', id: 'profile-form', onsubmit: async (event) => {
    event.preventDefault();
    const emailPreferences = Object.fromEntries(Object.keys(EMAILS).map((key) => [key, form.elements[key].checked]));
    try {
      await api('/users/me', {
        method: 'PATCH', contentType: 'application/merge-patch+json',
        body: { displayName: displayName.value, phone: phone.value || null, locale: locale.value, emailPreferences },
      });
      message.className = 'success';
      message.textContent = 'Saved.';
    } catch (e) {
      message.className = 'error';
      message.textContent = e.message;
    }
    message.hidden = false;
  } },
  h('p', { class: 'muted' }, `Signed in as ${profile.email}`),
  field('Name', displayName), field('Phone', phone, 'International format, e.g. +351912345678; leave empty for none'),
  field('Language of messages', locale),
  h('fieldset', {}, h('legend', {}, 'E-mail me when'), switches),
  message, h('p', { class: 'actions' }, h('button', { type: 'submit' }, 'Save')));

  const confirmInput = h('input', { name: 'confirm', autocomplete: 'off', spellcheck: 'false' });
  const erase = h('button', { type: 'button', class: 'danger', id: 'erase', disabled: true, onclick: async () => {
    erase.disabled = true;
    try {
      await api('/users/me', { method: 'DELETE' });
      notify('Your account is erased.');
      await signOut();
    } catch (e) {
      eraseError.textContent = e.message;
      eraseError.hidden = false;
      erase.disabled = false;
    }
  } }, 'Erase my account');
  const eraseError = h('div', { class: 'error', role: 'alert', hidden: true });
  confirmInput.addEventListener('input', () => { erase.disabled = confirmInput.value.trim().toLowerCase() !== profile.email.toLowerCase(); });

  main.append(h('h1', {}, 'Profile'), form,
    h('section', { class: 'card narrow danger-zone', 'aria-labelledby': 'erase-title' },
      h('h2', { id: 'erase-title' }, 'Erase my account'),
      h('p', {}, 'This signs you out and deletes your account, name, e-mail address and phone number. '
        + 'Bookings and payments stay on record without them, as the law requires. It cannot be undone.'),
      field('Type your e-mail address to confirm', confirmInput),
      eraseError, h('p', { class: 'actions' }, erase)));
}
