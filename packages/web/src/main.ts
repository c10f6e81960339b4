/**
 * orbwatch's web UI: a hash router over three views — the events timeline (`#/?kind=…`), an
 * event (`#/event/<id>`) and an object (`#/object/<norad>`). Hash routes need nothing from the
 * server but the static files and the API, and keep working when the page is saved.
 * @module
 */
import './style.css';
import type { EventFilter } from './api-client.js';
import { h } from './dom.js';
import { renderEventPage } from './views/event-page.js';
import { renderObjectPage } from './views/object-page.js';
import { renderTimeline } from './views/timeline.js';

const root = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
let release: (() => void) | undefined;

function filterFrom(query: URLSearchParams): EventFilter {
  const f: Record<string, string> = {};
  for (const key of ['kind', 'label', 'object', 'from', 'to']) {
    const v = query.get(key);
    if (v !== null && v !== '') f[key] = v;
  }
  return f;
}

function route(): void {
  release?.();
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = hash.split('?');
  const eventId = /^\/event\/(.+)$/.exec(path)?.[1];
  const norad = /^\/object\/(\d+)$/.exec(path)?.[1];
  if (eventId !== undefined) {
    release = renderEventPage(root, decodeURIComponent(eventId));
    document.title = 'orbwatch · event';
  } else if (norad !== undefined) {
    release = renderObjectPage(root, Number(norad));
    document.title = `orbwatch · object ${norad}`;
  } else {
    release = renderTimeline(root, filterFrom(new URLSearchParams(query)));
    document.title = 'orbwatch · events';
  }
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
