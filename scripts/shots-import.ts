/**
 * Screenshots to look at (not a test) for issue 22, import and data: the import preview with
 * its small map and the outside-district warning, and a facility card flagged 约略位置, each at
 * desktop 1280×860 and phone 390×844, in Chinese. Needs `npm run build` (serves dist/).
 *
 *   npx tsx scripts/shots-import.ts [--out DIR]    (default test-output/screenshots/import)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserSession, waitForIdle } from '../tests/browser/page';
import { OUTSIDE_CSV } from '../tests/helpers/importSamples';
import { REPO_ROOT } from './geodata/paths';

const VIEWPORTS = {
  desktop: { width: 1280, height: 860 },
  phone: { width: 390, height: 844 },
} as const;

async function main(): Promise<void> {
  const at = process.argv.indexOf('--out');
  const out = resolve(
    at > 0 ? process.argv[at + 1]! : join(REPO_ROOT, 'test-output', 'screenshots', 'import'),
  );
  mkdirSync(out, { recursive: true });
  const csv = join(mkdtempSync(join(tmpdir(), 'yangpu-shots-')), 'canteens.csv');
  writeFileSync(csv, OUTSIDE_CSV);
  const session = new BrowserSession();
  await session.start();
  try {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const preview = await session.open('tab=layers', { viewport, coverage: false });
      const page = preview.page;
      await page.getByLabel('数据类型').selectOption('facilities');
      await page.locator('.dropzone input[type=file]').setInputFiles(csv);
      await page.getByTestId('import-map').waitFor({ timeout: 30_000 });
      await page.getByTestId('import-map').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(out, `import-preview-${name}.png`) });
      await page.getByTestId('import-issues').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(out, `import-warnings-${name}.png`) });
      if (name === 'desktop') {
        // the phone panel scrolls under the map: its element shot would be cut; the viewport shots show it
        await page
          .getByTestId('import-preview')
          .screenshot({ path: join(out, 'import-preview-card-desktop.png') });
      }
      await page.getByRole('button', { name: '确认导入' }).click();
      await page.getByTestId('legend-imported').waitFor();
      await page.getByTestId('legend-imported').scrollIntoViewIfNeeded();
      await waitForIdle(page);
      await page.screenshot({ path: join(out, `imported-legend-${name}.png`) });
      await preview.context.close();

      const card = await session.open('f=S4-3419', { viewport, coverage: false });
      await card.page.getByTestId('facility-approximate').waitFor({ timeout: 60_000 });
      await card.page.locator('#facility-title').scrollIntoViewIfNeeded();
      await waitForIdle(card.page);
      await card.page.screenshot({ path: join(out, `facility-approximate-${name}.png`) });
      await card.context.close();
    }
  } finally {
    await session.stop();
  }
  console.log(`screenshots in ${out}`);
}

await main();
