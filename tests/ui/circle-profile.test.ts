/**
 * The circle profile's facility lists are of the selected type only (issue 22, item 10): the
 * headings and their "none" name the type and say so, in both languages — "步行范围内可达的
 * 设施（含圈外）无" next to 86 % nursing-home coverage read as "no facility at all".
 */
import { describe, expect, it } from 'vitest';
import { categoryLabel } from '../../src/core/categories';
import { profileText } from '../../src/ui/coverage/strings';

describe('circle profile: facilities of the selected type', () => {
  it('names the type and says "the selected type only" in zh and en', () => {
    const zh = categoryLabel('elder-canteen', 'zh');
    const en = categoryLabel('elder-canteen', 'en');
    expect(profileText('inReach', zh, 'zh')).toBe(`步行范围内可达的${zh}（含圈外；仅所选类型）`);
    expect(profileText('inside', zh, 'zh')).toContain('仅所选类型');
    expect(profileText('noneOfType', zh, 'zh')).toMatch(/^无（仅指所选类型/);
    expect(profileText('inReach', en, 'en')).toBe(
      `${en} within reach (inside or outside; the selected type only)`,
    );
    expect(profileText('inside', en, 'en')).toContain('the selected type only');
    expect(profileText('noneOfType', en, 'en')).toMatch(/^none \(of the selected type/);
  });
});
