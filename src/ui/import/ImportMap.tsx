/**
 * The import preview's small map: the district outline and what the file would add — its
 * facilities as dots (those outside the district outline as red rings), its circles as
 * outlines, its walking lines. Static SVG from our own outline (no tiles, no second map), so
 * it works under the CSP and offline. Every name is text (a <title>), never markup.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { ImportResult } from '../../data/import/types';
import { formatNumber, type Lang } from '../i18n';
import { boundsOf, frameFor, pathOf } from '../report/mapGeometry';
import { s } from './strings';

const WIDTH = 320;
const MAX_HEIGHT = 300;
/** at most this many lines or polygons are drawn (the counts above say how many there are) */
const MAX_SHAPES = 2000;

export function ImportMap(p: {
  lang: Lang;
  result: ImportResult;
  district: Polygon | MultiPolygon | undefined;
}) {
  const { lang, result: r } = p;
  const facilities = r.facilities;
  const shapes: Geometry[] = [
    ...r.circles.map((c) => c.geometry),
    ...(r.network?.lines.features ?? []).map((f) => f.geometry),
  ].slice(0, MAX_SHAPES);
  if (facilities.length === 0 && shapes.length === 0) return null;
  const points: Geometry[] = facilities.map((f) => ({ type: 'Point', coordinates: f.lonLat }));
  const bounds = boundsOf([p.district, ...points, ...shapes]);
  if (!bounds) return null;
  const frame = frameFor(bounds, WIDTH, MAX_HEIGHT, 10);
  const outside = facilities.filter((f) => f.outsideDistrict).length;
  const title = s('mapTitle', lang)
    .replace('{n}', formatNumber(facilities.length + shapes.length, lang))
    .replace('{out}', formatNumber(outside, lang));
  return (
    <figure class="import-map" data-testid="import-map">
      <svg viewBox={`0 0 ${WIDTH} ${frame.height.toFixed(1)}`} role="img" aria-label={title}>
        <title>{title}</title>
        <rect width={WIDTH} height={frame.height} fill="#eef2f4" />
        {p.district && (
          <path d={pathOf(p.district, frame)} fill="#ffffff" stroke="#455a64" stroke-width="1.2" />
        )}
        {shapes.map((g, i) => (
          <path
            key={`s${i}`}
            d={pathOf(g, frame)}
            fill={g.type === 'LineString' || g.type === 'MultiLineString' ? 'none' : '#1565c0'}
            fill-opacity="0.12"
            stroke="#1565c0"
            stroke-width="1"
          />
        ))}
        {facilities.map((f) => {
          const [x, y] = frame.project(f.lonLat);
          return f.outsideDistrict ? (
            <circle
              key={f.id}
              class="outside"
              cx={x}
              cy={y}
              r="4.5"
              fill="#ffffff"
              stroke="#c62828"
              stroke-width="2"
            >
              <title>{f.name}</title>
            </circle>
          ) : (
            <circle key={f.id} cx={x} cy={y} r="3" fill="#1565c0" stroke="#ffffff" stroke-width="0.8">
              <title>{f.name}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption>
        <span class="key">
          <svg viewBox="0 0 10 10" aria-hidden="true">
            <circle cx="5" cy="5" r="3" fill="#1565c0" />
          </svg>
          {s('mapInside', lang)}
        </span>
        {outside > 0 && (
          <span class="key">
            <svg viewBox="0 0 10 10" aria-hidden="true">
              <circle cx="5" cy="5" r="3.5" fill="#ffffff" stroke="#c62828" stroke-width="2" />
            </svg>
            {s('mapOutside', lang).replace('{n}', formatNumber(outside, lang))}
          </span>
        )}
        <span class="key">
          <svg viewBox="0 0 10 10" aria-hidden="true">
            <rect x="1" y="1" width="8" height="8" fill="#ffffff" stroke="#455a64" />
          </svg>
          {s('mapDistrict', lang)}
        </span>
      </figcaption>
    </figure>
  );
}
