/**
 * English words left in a Chinese message ("row 2, field 经度", "not geocoded: not_geocoded").
 * Allowed: units, formats, systems and names that Chinese UIs write in Latin letters.
 */
const ALLOWED = [
  'WGS-84',
  'GCJ-02',
  'BD-09',
  'WGS84',
  'GCJ02',
  'BD09',
  'GPS',
  'OSM',
  '© OpenStreetMap contributors',
  'OpenStreetMap',
  'GitHub',
  'CSV',
  'GeoJSON',
  'JSON',
  'XML',
  'PNG',
  'PDF',
  'UTF-8',
  'UTF-16',
  'BOM',
  'GBK',
  'GB18030',
  'GB',
  'IoU',
  'MapLibre',
  'IndexedDB',
  'English',
  'npm run import-check',
  'npm',
  'Esc',
  'Enter',
  'Tab',
  'km²',
  'km',
  'MB',
  'ms',
  'm²',
  'm',
  'URL',
  'iframe',
  'HTML',
  'id',
  'PIP',
  'RFC',
  // methods, citations and formula symbols of the access analysis (issue 20)
  'E2SFCA',
  '2SFCA',
  'Asher',
  'Age and Ageing',
  'Luo & Qi',
  'Dai',
  'e^',
  'd/d₀',
  // GeoJSON type names, as a file states them
  'FeatureCollection',
  'GeometryCollection',
  'Feature',
  'MultiPolygon',
  'Polygon',
  'MultiLineString',
  'LineString',
  'MultiPoint',
  'Point',
];

/** The Latin words of `zh` not in ALLOWED (placeholders such as {n} are ignored). */
export function strayEnglish(zh: string): string[] {
  let text = zh.replace(/\{\w+\}/g, ' ');
  for (const a of [...ALLOWED].sort((x, y) => y.length - x.length)) {
    text = text.replace(
      new RegExp(`(?<![A-Za-z])${a.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![A-Za-z])`, 'g'),
      ' ',
    );
  }
  return text.match(/[A-Za-z][A-Za-z_-]*/g) ?? [];
}
