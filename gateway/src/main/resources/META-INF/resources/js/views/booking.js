import { api, get } from '../api.js';
import { dateTime, h, money, newKey, statusBadge } from '../dom.js';
import { notifications } from '../live.js';
import { notificationList } from './notifications.js';

/** The payment provider simulator's test cards. */
const TEST_CARDS = [
  ['pm_card_visa', 'Visa ending 4242', 'approved'],
  ['pm_card_mastercard', 'Mastercard ending 4444', 'approved'],
  ['pm_card_insufficient_funds', 'Visa ending 9995', 'declined: insufficient funds'],
  ['pm_card_expired', 'Visa ending 0069', 'declined: expired card'],
  ['pm_card_declined', 'Visa ending 0002', 'declined'],
];

const DECLINES = {
  INSUFFICIENT_FUNDS: 'the card has insufficient funds',
  CARD_EXPIRED: 'the card has expired',
  CARD_DECLINED: 'the bank declined the card',
  PROVIDER_ERROR: 'the payment provider could not use this card',
};

export function declineText(reason) {
  return DECLINES[reason] ?? 'the card was declined';
}

/**
 * One booking: its status, the hold's countdown and the payment while it is held, cancel with refund
 * once it is confirmed. It follows the live notifications of this booking, so the page turns
 * CONFIRMED (or shows a refund) without reloading.
 */
export async function bookingView(main, { id }) {
  const view = h('div', { id: 'booking' });
  main.append(h('p', {}, h('a', { href: '#/bookings' }, '← My bookings')), view);
  let timer = null;
  let paying = false;

  const render = async () => {
    const [booking, payments, related] = await Promise.all([
      get(`/bookings/${id}`),
      get(`/payments?bookingId=${id}&size=20`).catch(() => ({ items: [] })),
      get(`/notifications?bookingId=${id}&size=20`).catch(() => ({ items: [] })),
    ]);
    const listing = await get(`/listings/${booking.listingId}`).catch(() => null);
    clearInterval(timer);
    const zone = listing?.timeZone;
    const parts = [
      h('h1', {}, listing ? listing.name : 'Booking'),
      h('p', { class: 'booking-status' }, 'Status: ', h('strong', { id: 'booking-status' }, statusBadge(booking.status))),
      h('dl', { class: 'facts' },
        h('dt', {}, 'From'), h('dd', {}, dateTime(booking.start, zone)),
        h('dt', {}, 'Until'), h('dd', {}, dateTime(booking.end, zone)),
        h('dt', {}, 'Guests'), h('dd', {}, booking.quantity),
        h('dt', {}, 'Total'), h('dd', {}, money(booking.total))),
    ];
    if (booking.status === 'PENDING_PAYMENT') parts.push(paymentPanel(booking, payments.items));
    if (booking.status === 'CONFIRMED' && Date.parse(booking.start) > Date.now()) parts.push(cancelPanel(booking));
    if (booking.status === 'CONFIRMED') parts.push(h('p', { class: 'success', role: 'status' }, 'Your booking is confirmed. Enjoy!'));
    if (booking.status === 'EXPIRED') parts.push(h('p', { class: 'error' }, 'The hold expired before it was paid; the place is free again.'));
    if (booking.status === 'CANCELLED') parts.push(h('p', {}, 'This booking is cancelled. A payment made for it is refunded.'));
    parts.push(h('section', { class: 'card' }, h('h2', {}, 'Updates'), notificationList(related.items, render)));
    view.replaceChildren(...parts);
  };

  const paymentPanel = (booking, payments) => {
    const countdown = h('p', { class: 'countdown', id: 'countdown' });
    const tick = () => {
      const left = Math.max(0, Math.floor((Date.parse(booking.holdExpiresAt) - Date.now()) / 1000));
      countdown.textContent = left > 0
        ? `Held for you for ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`
        : 'The hold has expired.';
      if (left === 0) { pay.disabled = true; clearInterval(timer); }
    };
    const declined = payments.find((p) => p.status === 'DECLINED');
    const message = h('div', { id: 'payment-message', role: 'alert', class: declined ? 'error' : '', hidden: !declined },
      declined ? `Payment declined: ${declineText(booking.lastDeclineReason ?? declined.declineReason)}. Choose another card and try again.` : '');
    const cards = h('fieldset', { class: 'cards' }, h('legend', {}, 'Test card'),
      TEST_CARDS.map(([value, label, outcome], i) => h('label', { class: 'card-option' },
        h('input', { type: 'radio', name: 'card', value, checked: i === 0 }), ` ${label} `, h('small', { class: 'muted' }, `(${outcome})`))));
    const pay = h('button', { type: 'submit', id: 'pay', disabled: paying }, `Pay ${money(booking.total)}`);
    const form = h('form', { class: 'card', onsubmit: async (event) => {
      event.preventDefault();
      if (paying) return;
      paying = true;
      pay.disabled = true;
      message.hidden = true;
      const method = new FormData(form).get('card');
      try {
        // A new key per attempt: a declined attempt is final, the next card is a new payment.
        const { status, data } = await api('/payments', { method: 'POST', idempotencyKey: newKey(), body: { bookingId: id, paymentMethod: method } });
        if (status === 201 && data.status === 'DECLINED') {
          message.className = 'error';
          message.textContent = `Payment declined: ${declineText(data.declineReason)}. Choose another card and try again before the hold expires.`;
          paying = false;
          pay.disabled = false;
        } else {
          message.className = 'info';
          message.textContent = 'Payment authorized. Confirming your booking…';
        }
      } catch (e) {
        message.className = 'error';
        message.textContent = e.message;
        paying = false;
        pay.disabled = false;
      }
      message.hidden = false;
    } }, h('h2', {}, 'Pay'), countdown, cards, message, h('p', { class: 'actions' }, pay));
    tick();
    timer = setInterval(tick, 1000);
    return form;
  };

  const cancelPanel = (booking) => {
    const confirm = h('div', { class: 'confirm', hidden: true, role: 'group', 'aria-label': 'Confirm cancellation' },
      h('p', {}, 'Cancel this booking? Its payment is refunded to your card.'),
      h('p', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', id: 'confirm-cancel', onclick: async (event) => {
          event.target.disabled = true;
          try {
            await api(`/bookings/${booking.id}/cancel`, { method: 'POST' });
            paying = false;
            await render();
          } catch (e) {
            confirm.append(h('div', { class: 'error', role: 'alert' }, e.message));
            event.target.disabled = false;
          }
        } }, 'Yes, cancel it'),
        h('button', { type: 'button', class: 'secondary', onclick: () => { confirm.hidden = true; ask.hidden = false; ask.focus(); } }, 'Keep it')));
    const ask = h('button', { type: 'button', class: 'secondary', id: 'cancel', onclick: () => {
      ask.hidden = true;
      confirm.hidden = false;
      confirm.querySelector('button').focus();
    } }, 'Cancel booking…');
    return h('section', { class: 'card' }, h('h2', {}, 'Change of plans?'), ask, confirm);
  };

  const onNotification = (event) => {
    if (event.detail.bookingId === id) render().catch(() => {});
  };
  notifications.addEventListener('notification', onNotification);
  await render();
  return () => {
    clearInterval(timer);
    notifications.removeEventListener('notification', onNotification);
  };
}
