// Calls the gateway's API (same origin). Every error answer is problem+json: it becomes an ApiError
// whose message a person can read. 429 and 503 carry Retry-After: wait that long and ask again.
const MAX_RETRIES = 3;
const MAX_WAIT_SECONDS = 30;

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

let tokenSource = async () => null;
let onWait = () => {};

/** Where bearer tokens come from, and who hears that a request waits for Retry-After. */
export function configure({ token, waiting }) {
  tokenSource = token;
  onWait = waiting;
}

export async function api(path, { method = 'GET', body, idempotencyKey, contentType = 'application/json', signal } = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const token = await tokenSource();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (body !== undefined) headers['Content-Type'] = contentType;
    const response = await fetch(`/api/v1${path}`, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const wait = retryAfter(response);
    if ((response.status === 429 || response.status === 503) && wait !== null && attempt < MAX_RETRIES) {
      onWait(wait, response.status);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    const data = await read(response);
    if (!response.ok) throw new ApiError(response.status, data);
    return { status: response.status, data, headers: response.headers };
  }
}

export const get = (path, options) => api(path, options).then((r) => r.data);

function retryAfter(response) {
  const value = response.headers.get('Retry-After');
  if (value === null) return null;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  if (Number.isNaN(seconds)) return null;
  return Math.min(Math.max(Math.ceil(seconds), 1), MAX_WAIT_SECONDS);
}

async function read(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { title: response.statusText, detail: text.slice(0, 200) };
  }
}

const FALLBACK = {
  400: 'Some of what you entered is not valid.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'It was not found.',
  409: 'That is no longer possible.',
  413: 'That is too large.',
  422: 'That cannot be done.',
  429: 'Too many attempts. Please wait a moment and try again.',
  503: 'The service is busy. Please try again in a moment.',
};

function describe(status, problem) {
  const main = problem?.detail || problem?.title || FALLBACK[status] || `The request failed (${status}).`;
  const fields = (problem?.errors || []).map((e) => `${e.field}: ${e.message}`);
  return [main, ...fields].join(' ');
}
