/**
 * The embed API's message parser (only the documented shapes, every value validated, the
 * rest ignored whole) and the iframe snippet of "Embed this view" (escaped attributes).
 */
import { describe, expect, it } from 'vitest';
import { parseEmbedMessage } from '../../src/ui/embed/messages';
import { EMBED_SIZES, escapeAttribute, iframeSnippet } from '../../src/ui/embed/snippet';

describe('parseEmbedMessage', () => {
  it('accepts each documented key alone and all together', () => {
    expect(parseEmbedMessage({ type: 'yangpu:set', category: 'kindergarten' })).toEqual({
      type: 'yangpu:set',
      category: 'kindergarten',
    });
    expect(parseEmbedMessage({ type: 'yangpu:set', radiusM: 500.4 })).toEqual({
      type: 'yangpu:set',
      radiusM: 500,
    });
    expect(parseEmbedMessage({ type: 'yangpu:set', radiusM: null })).toEqual({
      type: 'yangpu:set',
      radiusM: null,
    });
    expect(parseEmbedMessage({ type: 'yangpu:set', circle: '310110001-1' })).toEqual({
      type: 'yangpu:set',
      circle: '310110001-1',
    });
    expect(parseEmbedMessage({ type: 'yangpu:set', circle: null, at: null })).toEqual({
      type: 'yangpu:set',
      circle: null,
      at: null,
    });
    expect(
      parseEmbedMessage({
        type: 'yangpu:set',
        category: 'riverfront',
        radiusM: 1000,
        circle: 'a-1',
        at: [121.52, 31.28],
      }),
    ).toEqual({
      type: 'yangpu:set',
      category: 'riverfront',
      radiusM: 1000,
      circle: 'a-1',
      at: [121.52, 31.28],
    });
  });

  it.each([
    ['a string', 'yangpu:set'],
    ['null', null],
    ['a number', 42],
    ['an array', [{ type: 'yangpu:set', category: 'park' }]],
    ['no key but the type', { type: 'yangpu:set' }],
    ['another type', { type: 'yangpu:eval', code: 'alert(1)' }],
    ['a type in capitals', { type: 'YANGPU:SET', category: 'park' }],
    ['an extra key', { type: 'yangpu:set', category: 'park', code: 'alert(1)' }],
    ['an own __proto__ key', JSON.parse('{"type":"yangpu:set","__proto__":{"category":"park"}}')],
    ['an unknown category', { type: 'yangpu:set', category: 'constructor' }],
    ['script in the category', { type: 'yangpu:set', category: "park'); alert(1); ('" }],
    ['a category that is not a string', { type: 'yangpu:set', category: ['park'] }],
    ['a radius as text', { type: 'yangpu:set', radiusM: '500' }],
    ['a radius too large', { type: 'yangpu:set', radiusM: 1e9 }],
    ['a negative radius', { type: 'yangpu:set', radiusM: -300 }],
    ['NaN', { type: 'yangpu:set', radiusM: Number.NaN }],
    ['Infinity', { type: 'yangpu:set', radiusM: Number.POSITIVE_INFINITY }],
    ['a point outside the map', { type: 'yangpu:set', at: [0, 0] }],
    ['a point of three numbers', { type: 'yangpu:set', at: [121.5, 31.3, 5] }],
    ['a point as text', { type: 'yangpu:set', at: '121.5,31.3' }],
    ['a point as an object', { type: 'yangpu:set', at: { lon: 121.5, lat: 31.3 } }],
    ['a hostile circle id', { type: 'yangpu:set', circle: '<img src=x onerror=alert(1)>' }],
    ['a long circle id', { type: 'yangpu:set', circle: 'x'.repeat(61) }],
    ['one good value and one bad', { type: 'yangpu:set', category: 'park', radiusM: 'far' }],
    ['a class instance', Object.assign(new (class Evil {})(), { type: 'yangpu:set', category: 'park' })],
    ['a Map', new Map([['type', 'yangpu:set']])],
  ])('ignores %s', (_what, message) => {
    expect(parseEmbedMessage(message)).toBeNull();
  });

  it('accepts an object without a prototype (structured clone may give one)', () => {
    const bare = Object.assign(Object.create(null), { type: 'yangpu:set', category: 'park' });
    expect(parseEmbedMessage(bare)).toEqual({ type: 'yangpu:set', category: 'park' });
  });
});

describe('iframeSnippet', () => {
  it('gives an iframe of the size with a title and the link, attributes escaped', () => {
    const code = iframeSnippet('https://example.org/map/?embed=1&cat=park&lang=en', 'Map "A" <b> & co', {
      width: 420,
      height: 320,
    });
    expect(code).toBe(
      '<iframe title="Map &quot;A&quot; &lt;b&gt; &amp; co" src="https://example.org/map/?embed=1&amp;cat=park&amp;lang=en" width="420" height="320" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
  });

  it('escapes every character that could leave the attribute', () => {
    expect(escapeAttribute('"><script>alert(1)</script>')).not.toMatch(/["<>]/);
  });

  it('offers the four tested sizes', () => {
    expect(EMBED_SIZES.map((s) => `${s.width}×${s.height}`)).toEqual([
      '800×560',
      '420×320',
      '360×560',
      '320×480',
    ]);
  });
});
