import { get } from '../api.js';
import { dateTime, h, money, statusBadge } from '../dom.js';
import { notifications } from '../live.js';

export async function bookingsView(main) {
  const list = h('div', { id: 'bookings' });
  main.append(h('h1', {}, 'My bookings'), list);
  const render = async () => {
    const page = await get('/bookings?size=50');
    if (!page.items.length) {
      list.replaceChildren(h('p', {}, 'No bookings yet. ', h('a', { href: '#/' }, 'Find something to book.')));
      return;
    }
    list.replaceChildren(h('ul', { class: 'bookings' }, page.items.map((b) => h('li', { class: 'card booking-row' },
      h('a', { href: `#/bookings/${b.id}` }, dateTime(b.start)),
      statusBadge(b.status),
      h('span', { class: 'muted' }, `${b.quantity} × · ${money(b.total)}`)))));
  };
  const refresh = () => render().catch(() => {});
  notifications.addEventListener('notification', refresh);
  await render();
  return () => notifications.removeEventListener('notification', refresh);
}
