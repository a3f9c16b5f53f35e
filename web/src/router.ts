// Hash routing: works behind any static file server, and the server's SPA fallback is a bonus.

import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'pipeline'; query?: string }
  | { name: 'opportunity'; id: string }
  | { name: 'week' }
  | { name: 'content' }
  | { name: 'forecast' }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const mark = raw.indexOf('?');
  const query = mark < 0 ? '' : raw.slice(mark + 1);
  const path = (mark < 0 ? raw : raw.slice(0, mark)).replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/pipeline') return query ? { name: 'pipeline', query } : { name: 'pipeline' };
  const opportunity = /^\/opportunities\/(.+)$/.exec(path);
  if (opportunity?.[1]) return { name: 'opportunity', id: decodeURIComponent(opportunity[1]) };
  if (path === '/week') return { name: 'week' };
  if (path === '/content') return { name: 'content' };
  if (path === '/forecast') return { name: 'forecast' };
  return { name: 'notFound' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'pipeline':
      return route.query ? `#/pipeline?${route.query}` : '#/pipeline';
    case 'opportunity':
      return `#/opportunities/${encodeURIComponent(route.id)}`;
    case 'week':
      return '#/week';
    case 'content':
      return '#/content';
    case 'forecast':
      return '#/forecast';
    case 'notFound':
      return '#/';
  }
}

export function opportunityHref(id: string): string {
  return href({ name: 'opportunity', id });
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
