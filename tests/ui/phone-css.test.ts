/**
 * The phone panel's CSS (issue 22 items 1 and 12), parsed with PostCSS: facility names shown as
 * link buttons wrap (buttons are nowrap, so a long name overflowed the 390 px panel), and the
 * folded panel leaves the whole screen to the map. The real layout is looked at in
 * scripts/shots-resident.ts.
 */
import { readFileSync } from 'node:fs';
import postcss, { type Rule } from 'postcss';
import { describe, expect, it } from 'vitest';

const root = postcss.parse(readFileSync('src/ui/app.css', 'utf8'));
/** the declarations of the last rule with this selector (inside `media` when given) */
function decls(selector: string, media?: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  root.walkRules((r: Rule) => {
    const at = r.parent?.type === 'atrule' ? (r.parent as postcss.AtRule).params : null;
    if (!r.selectors.includes(selector)) return;
    if (media ? !(at && media.test(at)) : at) return;
    r.walkDecls((d) => {
      out[d.prop] = d.value;
    });
  });
  return out;
}

describe('phone panel CSS', () => {
  it('wraps a long facility name instead of overflowing', () => {
    expect(decls('button')['white-space']).toBe('nowrap');
    expect(decls('button.link')).toMatchObject({ 'white-space': 'normal', 'overflow-wrap': 'anywhere' });
    expect(decls('.card-header h3')).toMatchObject({ 'min-width': '0', 'overflow-wrap': 'anywhere' });
  });
  it('gives the map the whole screen when the panel is folded', () => {
    expect(decls('.layout.collapsed .map', /max-width/)).toMatchObject({ height: '100%', flex: '1' });
  });
});
