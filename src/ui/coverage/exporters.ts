/** Downloads: the circle table as CSV (UTF-8 with BOM, for Excel), GeoJSON, PNG. */
import type { CoverageTable } from '../../analysis/coverage/engine';

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote always; double quotes inside; a leading =,+,-,@ is prefixed so spreadsheets don't run it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** CSV text (CRLF) with a UTF-8 byte-order mark so Excel reads Chinese correctly. */
function csvWithBom(rows: (string | number | null)[][]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A share (0–1) rounded to 4 decimals, or null. */
const share4 = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 10000);
/** Residents rounded to whole people, or null. */
const people = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));

/** Columns another feature appends to the circle table's CSV. */
export interface ExtraCsvColumns {
  header: string[];
  cells(c: CoverageTable['circles'][number]): (string | number | null)[];
}

/** The table for one category and radius as CSV text, with a byte-order mark. */
export function tableCsv(table: CoverageTable, extra?: ExtraCsvColumns): string {
  const header = [
    'circle_id',
    'circle',
    'circle_en',
    'subdistrict',
    'subdistrict_en',
    'category',
    'radius_m',
    'residents',
    'covered_residents',
    'uncovered_residents',
    'covered_share',
    'target_group',
    'target_residents_estimate',
    'covered_target_residents_estimate',
    'uncovered_target_residents_estimate',
    'residential_area_m2',
    'covered_residential_area_m2',
    'median_distance_m',
    'max_distance_m',
    'facilities_inside',
    'facilities_in_reach',
    'edge_effect',
    ...(extra?.header ?? []),
  ];
  const rows = table.circles.map((c) => [
    c.id,
    c.name,
    c.nameEn,
    c.subdistrict,
    c.subdistrictEn,
    table.category,
    table.radiusM,
    Math.round(c.population),
    Math.round(c.coveredPopulation),
    Math.round(c.gapPopulation),
    share4(c.populationShare),
    table.targetGroup,
    people(c.target?.population),
    people(c.target?.covered),
    people(c.target?.gap),
    Math.round(c.residentialAreaM2),
    Math.round(c.coveredResidentialAreaM2),
    c.medianDistanceM,
    c.maxDistanceM === null ? null : Math.round(c.maxDistanceM),
    c.facilitiesInside.length,
    c.facilitiesInReach.length,
    c.edgeEffect ? 'yes' : 'no',
    ...(extra?.cells(c) ?? []),
  ]);
  return csvWithBom([header, ...rows]);
}

/** Before/after coverage per circle for a scenario, as CSV with a byte-order mark. */
export function beforeAfterCsv(before: CoverageTable, after: CoverageTable): string {
  const header = [
    'circle_id',
    'circle',
    'circle_en',
    'category',
    'radius_m',
    'residents',
    'covered_before',
    'covered_after',
    'newly_covered',
    'share_before',
    'share_after',
    'target_group',
    'target_residents_estimate',
    'newly_covered_target_estimate',
  ];
  const rows = after.circles.map((a, k) => {
    const b = before.circles[k]!;
    return [
      a.id,
      a.name,
      a.nameEn,
      after.category,
      after.radiusM,
      Math.round(a.population),
      Math.round(b.coveredPopulation),
      Math.round(a.coveredPopulation),
      Math.round(a.coveredPopulation - b.coveredPopulation),
      share4(b.populationShare),
      share4(a.populationShare),
      after.targetGroup,
      people(a.target?.population),
      a.target && b.target ? Math.round(a.target.covered - b.target.covered) : null,
    ];
  });
  return csvWithBom([header, ...rows]);
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download a GeoJSON object as a file. */
export function downloadGeoJson(value: unknown, filename: string): void {
  download(new Blob([JSON.stringify(value)], { type: 'application/geo+json' }), filename);
}
