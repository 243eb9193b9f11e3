import { api, get } from '../api.js';
import { dateTime, h } from '../dom.js';
import { notifications, refreshUnread } from '../live.js';

/** Notifications as a list; unread ones can be marked read one by one. */
export function notificationList(items, changed) {
  if (!items.length) return h('p', { class: 'muted' }, 'Nothing yet.');
  return h('ul', { class: 'notifications' }, items.map((n) => h('li', { class: n.readAt ? 'read' : 'unread', 'data-kind': n.kind },
    h('div', {},
      h('strong', {}, n.title), ' ',
      n.readAt ? null : h('span', { class: 'pill' }, 'new'),
      h('p', {}, n.body),
      h('small', { class: 'muted' }, dateTime(n.createdAt), n.bookingId ? [' · ', h('a', { href: `#/bookings/${n.bookingId}` }, 'booking')] : null)),
    n.readAt ? null : h('button', { type: 'button', class: 'secondary small', 'aria-label': `Mark “${n.title}” read`, onclick: async (event) => {
      event.target.disabled = true;
      await api(`/notifications/${n.id}/read`, { method: 'POST' });
      await refreshUnread();
      await changed();
    } }, 'Mark read'))));
}

export async function notificationsView(main) {
  const list = h('div', { id: 'notification-list' });
  const readAll = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    await api('/notifications/read-all', { method: 'POST' });
    await refreshUnread();
    await render();
  } }, 'Mark all read');
  main.append(h('div', { class: 'title-row' }, h('h1', {}, 'Notifications'), readAll), list);
  const render = async () => {
    const page = await get('/notifications?size=50');
    list.replaceChildren(notificationList(page.items, render));
  };
  const refresh = () => render().catch(() => {});
  notifications.addEventListener('notification', refresh);
  await render();
  return () => notifications.removeEventListener('notification', refresh);
}
