import { categoryLabel } from '../../core/categories';
import { COVERAGE_CLASSES } from '../../map/palette';
import { basketSideOf } from '../access/columns';
import { accessCsvColumns, withWalkTime } from '../access/exports';
import { accessSummary, walkTime } from '../access/state';
import { controller, data, lang } from '../app/state';
import { useCopy } from '../clipboard';
import { t } from '../i18n';
import { download, downloadGeoJson, gapsExport, tableCsv } from './exporters';
import { category, gaps, radius, table } from './state';

/** Share the view (copy its link) and export the table, the gaps and the map. */
export function ExportButtons() {
  const l = lang.value;
  const [copied, copy] = useCopy(t('share', l));
  const stamp = () => `${table.value?.category ?? 'coverage'}-${table.value?.radiusM ?? radius.value}m`;
  const share = () => copy(location.href.replace(/([?&])test=1&?/, '$1').replace(/[?&]$/, ''));
  const exportCsv = () => {
    const tb = table.value;
    if (tb)
      download(
        new Blob(
          [
            tableCsv(
              tb,
              accessCsvColumns(tb, accessSummary.value, walkTime.value, basketSideOf(tb.category)),
            ),
          ],
          {
            type: 'text/csv;charset=utf-8',
          },
        ),
        `yangpu-circles-${stamp()}.csv`,
      );
  };
  const exportGaps = () =>
    gaps.value &&
    downloadGeoJson(
      withWalkTime(gapsExport(gaps.value, table.value), walkTime.value),
      `yangpu-gaps-${stamp()}.geojson`,
    );
  const exportPng = async () => {
    const c = controller.value;
    if (!c) return;
    const derived = data.value?.layers.circles.features[0]?.properties?.derived !== false;
    const blob = await c.exportPng({
      title: `${categoryLabel(category.value, l)} · ${radius.value} ${t('metres', l)}`,
      rows: COVERAGE_CLASSES.map((k) => ({ colour: k.colour, label: k[l] })),
      attribution: `© OpenStreetMap contributors · 杨浦区公开信息 · ${derived ? 'circles derived' : 'circles imported'}`,
    });
    download(blob, `yangpu-map-${stamp()}.png`);
  };
  return (
    <div class="buttons">
      <button type="button" onClick={share}>
        {copied ? t('copied', l) : t('share', l)}
      </button>
      <button type="button" onClick={exportCsv} disabled={!table.value}>
        {t('exportCsv', l)}
      </button>
      <button type="button" onClick={exportGaps} disabled={!gaps.value}>
        {t('exportGaps', l)}
      </button>
      <button type="button" onClick={exportPng}>
        {t('exportPng', l)}
      </button>
    </div>
  );
}
