import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_VIEW, parsePipelineView, pipelineViewQuery } from './pipelineView';
import { href, parseRoute } from './router';

describe('pipeline view in the URL', () => {
  it('writes nothing for the default view', () => {
    expect(pipelineViewQuery(DEFAULT_PIPELINE_VIEW)).toBe('');
    expect(parsePipelineView('')).toEqual(DEFAULT_PIPELINE_VIEW);
  });

  it('round-trips owner, search, sort and board', () => {
    const view = { owner: 'u-ann', text: '23 lorries & more', view: 'board' as const, sort: { key: 'amount' as const, dir: 'desc' as const } };
    const query = pipelineViewQuery(view);
    expect(query).toBe('owner=u-ann&q=23+lorries+%26+more&sort=amount&dir=desc&view=board');
    expect(parsePipelineView(query)).toEqual(view);
  });

  it('keeps the defaults for values it does not know', () => {
    expect(parsePipelineView('sort=price&dir=up&view=cards')).toEqual(DEFAULT_PIPELINE_VIEW);
    expect(parsePipelineView('sort=name&dir=sideways').sort).toEqual({ key: 'name', dir: 'asc' });
  });

  it('routes a pipeline link with its view, and deals whose id holds a question mark', () => {
    expect(parseRoute('#/pipeline?q=lorries')).toEqual({ name: 'pipeline', query: 'q=lorries' });
    expect(parseRoute('#/pipeline')).toEqual({ name: 'pipeline' });
    expect(href({ name: 'pipeline', query: 'q=lorries' })).toBe('#/pipeline?q=lorries');
    expect(href({ name: 'pipeline', query: '' })).toBe('#/pipeline');
    const deal = href({ name: 'opportunity', id: 'opp?1' });
    expect(parseRoute(deal)).toEqual({ name: 'opportunity', id: 'opp?1' });
  });
});
