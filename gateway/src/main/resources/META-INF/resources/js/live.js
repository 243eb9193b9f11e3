// What every view shares: the live notifications (one stream per page) and the notice line.
import { get } from './api.js';

/** Fires 'notification' with each one the stream delivers. */
export const notifications = new EventTarget();

export async function refreshUnread() {
  const badge = document.getElementById('unread');
  try {
    const page = await get('/notifications?unread=true&size=100');
    const count = page.items.length;
    badge.textContent = page.hasMore ? '99+' : String(count);
    badge.hidden = count === 0;
    badge.setAttribute('aria-label', `${badge.textContent} unread`);
  } catch {
    badge.hidden = true;
  }
}

let noticeTimer = null;

export function notify(message) {
  const notice = document.getElementById('notice');
  notice.textContent = message;
  notice.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { notice.hidden = true; }, 8000);
}
