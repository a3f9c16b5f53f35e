import { describe, expect, it } from 'vitest';
import { initialScripts } from './initial-scripts.mjs';

describe('initialScripts', () => {
  it('names module scripts and modulepreloads, not styles, lazy chunks or other origins', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
      <link rel="stylesheet" href="/assets/index-abc.css">
      <script src="https://cdn.example.com/x.js"></script>
      <script src="//cdn.example.com/y.js"></script>
      </head><body><div id="app"></div></body></html>`;
    expect(initialScripts(html)).toEqual(['assets/index-abc.js', 'assets/vendor-def.js']);
  });

  it('counts a file named twice once', () => {
    expect(initialScripts('<script src="/a.js"></script><link rel=modulepreload href="/a.js">')).toEqual(['a.js']);
  });

  it('reads unquoted attributes', () => {
    expect(initialScripts('<link rel=modulepreload href=/assets/b.js>')).toEqual(['assets/b.js']);
  });
});
