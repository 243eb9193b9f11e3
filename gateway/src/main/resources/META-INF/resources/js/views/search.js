import { get } from '../api.js';
import { dayStart, field, h, isoDay, money } from '../dom.js';

export const CATEGORIES = { STAY: 'Stays', TOUR: 'Tours', TABLE: 'Tables', APPOINTMENT: 'Appointments' };

/** Search by city, category, dates and party size; the criteria live in the URL, so Back works. */
export async function searchView(main, { params }) {
  const city = h('input', { name: 'city', type: 'search', autocomplete: 'address-level2', value: params.get('city') ?? '' });
  const category = h('select', { name: 'category' },
    h('option', { value: '' }, 'Any'),
    Object.entries(CATEGORIES).map(([value, label]) => h('option', { value, selected: params.get('category') === value }, label)));
  const from = h('input', { name: 'from', type: 'date', min: isoDay(new Date()), value: params.get('from') ?? '' });
  const to = h('input', { name: 'to', type: 'date', min: isoDay(new Date()), value: params.get('to') ?? '' });
  const quantity = h('input', { name: 'quantity', type: 'number', min: 1, max: 50, inputmode: 'numeric', value: params.get('quantity') ?? '1' });
  const results = h('section', { 'aria-live': 'polite', 'aria-busy': 'false', id: 'results' });

  const form = h('form', { class: 'search card', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) query.set(key, value);
    location.hash = `#/?${query}`;
  } },
  field('City', city), field('Category', category), field('From', from), field('To', to),
  field('Guests', quantity), h('button', { type: 'submit' }, 'Search'));

  main.append(h('h1', {}, 'Find a place, a tour, a table'), form, results);
  if ([...params.keys()].length) await search(results, params);
}

async function search(results, params) {
  const query = new URLSearchParams({ size: '20' });
  for (const key of ['city', 'category', 'quantity']) if (params.get(key)) query.set(key, params.get(key));
  if (params.get('from') && params.get('to')) {
    query.set('from', dayStart(params.get('from')));
    query.set('to', dayStart(params.get('to')));
  }
  results.setAttribute('aria-busy', 'true');
  try {
    const page = await get(`/listings?${query}`);
    const keep = new URLSearchParams();
    for (const key of ['from', 'to', 'quantity']) if (params.get(key)) keep.set(key, params.get(key));
    results.replaceChildren(
      h('h2', {}, page.items.length ? `${page.items.length}${page.hasMore ? '+' : ''} found` : 'Nothing found for that search'),
      h('ul', { class: 'listings' }, page.items.map((listing) => h('li', { class: 'card listing' },
        h('h3', {}, h('a', { href: `#/listings/${listing.id}?${keep}` }, listing.name)),
        h('p', { class: 'muted' }, `${listing.city} · ${CATEGORIES[listing.category] ?? listing.category}`),
        h('p', {}, listing.description),
        h('p', { class: 'price' }, money(listing.unitPrice), h('span', { class: 'muted' }, ` per ${unit(listing)}`))))));
  } catch (e) {
    results.replaceChildren(h('div', { class: 'error', role: 'alert' }, e.message));
  } finally {
    results.setAttribute('aria-busy', 'false');
  }
}

export function unit(listing) {
  if (listing.slotMinutes === 1440) return 'night';
  if (listing.slotMinutes % 60 === 0) return `${listing.slotMinutes / 60} h slot`;
  return `${listing.slotMinutes} min slot`;
}
