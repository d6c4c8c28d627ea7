/**
 * Downloads: the circle table as CSV (UTF-8 with BOM, for Excel), GeoJSON, PNG. In walk
 * mode (walking, best available) every share carries its low/high ends and the share of
 * residents measured on the network vs estimated; in the other modes those cells are empty.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { CoverageTable, CoverageTotals, GapProps } from '../../analysis/coverage/engine';

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

/** A row's walk estimate figures: share low/high, measured and estimated share of residents (4 decimals, or null). */
export function estimateCells(t: Pick<CoverageTotals, 'estimate'>): {
  low: number | null;
  high: number | null;
  measured: number | null;
  estimated: number | null;
} {
  const e = t.estimate;
  if (!e) return { low: null, high: null, measured: null, estimated: null };
  return {
    low: share4(e.shareLow),
    high: share4(e.shareHigh),
    measured: share4(e.measuredShare),
    estimated: e.measuredShare === null ? null : share4(1 - e.measuredShare),
  };
}

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
    'distance',
    'covered_share_low',
    'covered_share_high',
    'measured_share',
    'estimated_share',
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
  const rows = table.circles.map((c) => {
    const e = estimateCells(c);
    return [
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
      table.distance,
      e.low,
      e.high,
      e.measured,
      e.estimated,
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
    ];
  });
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
    'distance',
    'share_before_low',
    'share_before_high',
    'share_after_low',
    'share_after_high',
    'measured_share',
    'target_group',
    'target_residents_estimate',
    'newly_covered_target_estimate',
  ];
  const rows = after.circles.map((a, k) => {
    const b = before.circles[k]!;
    const eb = estimateCells(b);
    const ea = estimateCells(a);
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
      after.distance,
      eb.low,
      eb.high,
      ea.low,
      ea.high,
      ea.measured,
      after.targetGroup,
      people(a.target?.population),
      a.target && b.target ? Math.round(a.target.covered - b.target.covered) : null,
    ];
  });
  return csvWithBom([header, ...rows]);
}

/** Properties a gap carries in the GeoJSON export: its own, then its circle's share and (walk mode) range. */
export type GapExportProps = GapProps & {
  circle_covered_share: number | null;
  circle_covered_share_low: number | null;
  circle_covered_share_high: number | null;
  circle_measured_share: number | null;
  circle_estimated_share: number | null;
};

/**
 * The gaps as exported: each gap's properties with its circle's covered share and, in walk
 * mode, the share's low/high ends and the circle's measured vs estimated share of residents.
 */
export function gapsExport(
  gaps: FeatureCollection<Polygon, GapProps>,
  table: CoverageTable | null,
): FeatureCollection<Polygon, GapExportProps> {
  const byId = new Map(table?.circles.map((c) => [c.id, c]) ?? []);
  return {
    type: 'FeatureCollection',
    features: gaps.features.map((f): Feature<Polygon, GapExportProps> => {
      const c = byId.get(f.properties.circleId);
      const e = c ? estimateCells(c) : estimateCells({});
      return {
        ...f,
        properties: {
          ...f.properties,
          circle_covered_share: c ? share4(c.populationShare) : null,
          circle_covered_share_low: e.low,
          circle_covered_share_high: e.high,
          circle_measured_share: e.measured,
          circle_estimated_share: e.estimated,
        },
      };
    }),
  };
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
