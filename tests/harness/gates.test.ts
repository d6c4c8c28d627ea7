/**
 * 睦邻门 length and +0 (issue 22 item 11) in the UI: a ~300 m diagonal clicked as a gate is
 * refused with the limit named; a short gate says what it adds on its own, or why +0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type HarnessApp, POLL } from './app';
import { $$, click, find, findRole, text } from './dom';

let app: HarnessApp;
afterEach(() => app?.stop());

/** 国福路 and 邯郸路, 31 m apart across the 复旦 staff quarter's wall */
const WALL: [[number, number], [number, number]] = [
  [121.502313, 31.299064],
  [121.502282, 31.299338],
];

describe('睦邻门 gates', () => {
  it('refuses a long diagonal, names the limit, and says what a short gate adds', async () => {
    app = await bootApp('dist=network&cat=nursing-home&v=16/31.2992/121.5023');
    await expect.poll(() => window.__yangpuCoverage?.table.distance, POLL).toBe('network');
    click(await findRole('button', '新方案'));
    click(await findRole('button', /添加睦邻门/));
    expect(text(await find('[data-testid=gate-limit]'))).toContain('门长不超过60米');
    app.map.clickAt(WALL[0]);
    // ~300 m north-east through the block
    app.map.clickAt([121.5047, 31.3008]);
    const edits = await find('[data-testid=network-edits]');
    await expect
      .poll(() => $$('[data-testid=gate-note]', edits).map(text).join(), POLL)
      .toMatch(/门长 \d{3} 米，超过 60 米的上限，未计入/);
    click(await findRole('button', /添加睦邻门/));
    app.map.clickAt(WALL[0]);
    app.map.clickAt(WALL[1]);
    await expect.poll(() => app.map.drawn.edits.gates.length, POLL).toBe(2);
    await expect
      .poll(() => $$('[data-testid=gate-note]', edits).map(text).join('|'), POLL)
      .toMatch(/\|此门单独增加 \+[\d,]+ 人/);
  });
});
