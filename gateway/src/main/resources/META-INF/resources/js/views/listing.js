import { api, get } from '../api.js';
import { signIn, signedIn } from '../auth.js';
import { day, dayStart, field, h, isoDay, money, newKey, time } from '../dom.js';
import { CATEGORIES, unit } from './search.js';

const DAYS_SHOWN = 7;

/** A listing, its availability day by day, and the hold of a chosen slot. */
export async function listingView(main, { id, params }) {
  const listing = await get(`/listings/${id}`);
  const fromDay = params.get('from') && params.get('from') >= isoDay(new Date()) ? params.get('from') : isoDay(new Date());
  const quantity = h('input', { type: 'number', min: 1, max: 50, inputmode: 'numeric', value: params.get('quantity') ?? '1' });
  const nights = params.get('from') && params.get('to')
    ? Math.max(1, Math.round((Date.parse(params.get('to')) - Date.parse(params.get('from'))) / 86400000)) : 1;
  const count = h('input', { type: 'number', min: 1, max: 366, inputmode: 'numeric', value: listing.slotMinutes === 1440 ? nights : 1 });
  const week = h('input', { type: 'date', min: isoDay(new Date()), value: fromDay });
  const calendar = h('div', { class: 'calendar', id: 'calendar' });
  const summary = h('p', { class: 'summary', id: 'hold-summary', 'aria-live': 'polite' }, 'Choose a start in the calendar.');
  const holdButton = h('button', { type: 'button', id: 'hold', disabled: true }, 'Hold it');
  const error = h('div', { class: 'error', role: 'alert', hidden: true });
  let chosen = null;
  // One key per choice: a second click, or a retry after a lost answer, holds the same slot once.
  let holdKey = null;

  const choose = (slot) => {
    chosen = slot;
    holdKey = null;
    for (const b of calendar.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.start === slot?.start));
    update();
  };
  const update = () => {
    holdKey = null;
    error.hidden = true;
    if (!chosen) return;
    const n = Number(count.value) || 1;
    const q = Number(quantity.value) || 1;
    const total = { amount: listing.unitPrice.amount * n * q, currency: listing.unitPrice.currency };
    summary.textContent = `${day(chosen.start, listing.timeZone)} ${time(chosen.start, listing.timeZone)}, `
      + `${n} × ${unit(listing)}, ${q} ${q === 1 ? 'guest' : 'guests'}: ${money(total)}`;
    holdButton.disabled = false;
  };
  count.addEventListener('input', update);
  quantity.addEventListener('input', update);

  const showWeek = async () => {
    choose(null);
    holdButton.disabled = true;
    summary.textContent = 'Choose a start in the calendar.';
    calendar.setAttribute('aria-busy', 'true');
    const start = new Date(Math.max(Date.parse(dayStart(week.value)), Date.now()));
    const end = new Date(Date.parse(dayStart(week.value)) + DAYS_SHOWN * 86400000);
    try {
      const page = await get(`/listings/${id}/availability?from=${start.toISOString()}&to=${end.toISOString()}&size=500`);
      renderCalendar(calendar, listing, page.items, choose, () => Number(quantity.value) || 1);
    } catch (e) {
      calendar.replaceChildren(h('div', { class: 'error', role: 'alert' }, e.message));
    } finally {
      calendar.setAttribute('aria-busy', 'false');
    }
  };
  week.addEventListener('change', showWeek);

  holdButton.addEventListener('click', async () => {
    if (!signedIn()) return signIn();
    holdButton.disabled = true;
    holdKey ??= newKey();
    const n = Number(count.value) || 1;
    const end = new Date(Date.parse(chosen.start) + n * listing.slotMinutes * 60000).toISOString();
    try {
      const { data } = await api('/bookings', {
        method: 'POST', idempotencyKey: holdKey,
        body: { listingId: id, start: chosen.start, end, quantity: Number(quantity.value) || 1 },
      });
      location.hash = `#/bookings/${data.id}`;
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      holdButton.disabled = false;
    }
  });

  main.append(
    h('p', {}, h('a', { href: '#/' }, '← Search')),
    h('article', { class: 'listing-page' },
      h('header', {},
        h('h1', {}, listing.name),
        h('p', { class: 'muted' }, `${listing.city} · ${CATEGORIES[listing.category] ?? listing.category} · times in ${listing.timeZone}`),
        h('p', {}, listing.description),
        h('p', { class: 'price' }, money(listing.unitPrice), h('span', { class: 'muted' }, ` per ${unit(listing)} and guest`))),
      listing.status === 'ARCHIVED' ? h('p', { class: 'error' }, 'This listing takes no new bookings.') : null,
      h('section', { class: 'card', 'aria-labelledby': 'availability-title' },
        h('h2', { id: 'availability-title' }, 'Availability'),
        h('div', { class: 'row' }, field('Week from', week), field('Guests', quantity, 'People in your party'),
          field(listing.slotMinutes === 1440 ? 'Nights' : 'Slots in a row', count)),
        calendar,
        summary, error,
        h('p', { class: 'actions' }, holdButton,
          signedIn() ? null : h('small', { class: 'muted' }, ' You will be asked to sign in first.')))));
  await showWeek();
}

function renderCalendar(calendar, listing, slots, choose, guests) {
  if (!slots.length) {
    calendar.replaceChildren(h('p', { class: 'muted' }, 'No open slots in these days. Try another week.'));
    return;
  }
  const byDay = new Map();
  for (const slot of slots) {
    const key = day(slot.start, listing.timeZone);
    if (!byDay.has(key)) byDay.set(key, []);
    byDay.get(key).push(slot);
  }
  calendar.replaceChildren(...[...byDay].map(([label, daySlots]) => h('div', { class: 'day', role: 'group', 'aria-label': label },
    h('h3', {}, label),
    h('ul', {}, daySlots.map((slot) => h('li', {}, h('button', {
      type: 'button', class: 'slot', 'data-start': slot.start, 'aria-pressed': 'false',
      disabled: slot.remaining < guests(),
      onclick: () => choose(slot),
    }, listing.slotMinutes === 1440 ? 'Check in' : time(slot.start, listing.timeZone),
    h('small', {}, slot.remaining === 0 ? 'full' : `${slot.remaining} left`))))))));
}
