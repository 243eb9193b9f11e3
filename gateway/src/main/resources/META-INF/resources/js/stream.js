// The caller's notifications, live (notification-service's Server-Sent Events through the gateway).
// EventSource cannot send an Authorization header and the service takes the token only there (never
// in the URL, where logs would keep it), so the stream is read with fetch and parsed here. The stream
// ends when the token expires: reconnect with a fresh token and Last-Event-ID, so nothing is missed
// or repeated.
import { token } from './auth.js';

const RECONNECT_MS = [500, 1000, 2000, 5000, 10000];

export function follow(onNotification) {
  const controller = new AbortController();
  let lastEventId = null;
  let failures = 0;

  async function connect() {
    while (!controller.signal.aborted) {
      try {
        const bearer = await token();
        if (!bearer) return;
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${bearer}` };
        if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch('/api/v1/notifications/stream', { headers, signal: controller.signal });
        if (response.ok && response.body) {
          failures = 0;
          await read(response.body, (event) => {
            if (event.id !== undefined) lastEventId = event.id;
            if (event.event === 'notification' && event.data) onNotification(JSON.parse(event.data));
          });
        } else {
          failures++;
        }
      } catch (e) {
        if (controller.signal.aborted) return;
        failures++;
      }
      const pause = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)];
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  connect();
  return () => controller.abort();
}

/** Parses text/event-stream (WHATWG HTML §9.2): events end at a blank line; comments start with ':'. */
async function read(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (event.data.length || event.id !== undefined) dispatch({ ...event, data: event.data.join('\n') });
        event = { data: [] };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (name === 'data') event.data.push(text);
        else if (name === 'id') event.id = text;
        else if (name === 'event') event.event = text;
      }
    }
  }
}
