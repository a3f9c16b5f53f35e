// Which JavaScript files an HTML page makes the browser fetch before the app can start.

/** The same-origin JavaScript files an HTML page loads up front. */
export function initialScripts(html) {
  const found = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const isPreload = /rel=["']?modulepreload/i.test(tag);
    if (!isScript && !isPreload) continue;
    const match = /\b(?:src|href)=(?:["']([^"']+)["']|([^\s"'>]+))/i.exec(tag);
    const url = match?.[1] ?? match?.[2];
    if (url && !/^[a-z]+:|^\/\//i.test(url)) found.add(url.replace(/^\//, ''));
  }
  return [...found];
}
