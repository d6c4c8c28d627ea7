/**
 * A small static map in SVG from our own layers: areas for context, the focus area, hatched
 * gaps, existing facilities, numbered suggested sites (a shape per series, so they read in
 * greyscale), the worst-served point, a scale bar and north. Prints as vectors.
 */
import type { Geometry, Position } from 'geojson';
import type { BBox } from '../../core/extent';
import { formatNumber, type Lang } from '../i18n';
import { type Frame, frameFor, pathOf, scaleBar } from './mapGeometry';

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon' | 'star';
export const SHAPES: readonly Shape[] = ['circle', 'square', 'triangle', 'diamond', 'hexagon', 'star'];

export interface MapArea {
  geometry: Geometry;
  kind: 'context' | 'member' | 'focus';
  /** a label drawn at `labelAt` */
  label?: string;
  labelAt?: Position;
  /** fill (e.g. a coverage class); default per kind */
  fill?: string;
}

export interface MapSite {
  lonLat: Position;
  label: string;
  shape: Shape;
}

export interface MiniMapProps {
  lang: Lang;
  /** accessible description of what the map shows */
  title: string;
  bounds: BBox;
  width: number;
  maxHeight: number;
  areas: MapArea[];
  /** the river's mid-channel line, drawn 400 m wide (land within 200 m of it is river in the model) */
  river?: Geometry[];
  gaps?: Geometry[];
  facilities?: Position[];
  sites?: MapSite[];
  worst?: Position | null;
}

/** A marker of `shape` centred at (x, y), radius r. */
export function markerPath(shape: Shape, x: number, y: number, r: number): string {
  const poly = (n: number, rot: number, radius = r) =>
    `${Array.from({ length: n }, (_, i) => {
      const a = rot + (i * 2 * Math.PI) / n;
      return `${i ? 'L' : 'M'}${(x + radius * Math.cos(a)).toFixed(1)} ${(y + radius * Math.sin(a)).toFixed(1)}`;
    }).join('')}Z`;
  switch (shape) {
    case 'circle':
      return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    case 'square':
      return poly(4, Math.PI / 4, r * 1.25);
    case 'triangle':
      return poly(3, -Math.PI / 2, r * 1.35);
    case 'diamond':
      return poly(4, 0, r * 1.3);
    case 'hexagon':
      return poly(6, 0, r * 1.15);
    case 'star':
      return `${Array.from({ length: 10 }, (_, i) => {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const rr = i % 2 ? r * 0.6 : r * 1.4;
        return `${i ? 'L' : 'M'}${(x + rr * Math.cos(a)).toFixed(1)} ${(y + rr * Math.sin(a)).toFixed(1)}`;
      }).join('')}Z`;
  }
}

const AREA_STYLE = {
  context: { fill: '#f1f3f4', stroke: '#b0bec5', width: 0.6 },
  member: { fill: '#ffffff', stroke: '#607d8b', width: 0.9 },
  focus: { fill: '#ffffff', stroke: '#000000', width: 2 },
} as const;

function ScaleAndNorth(p: { frame: Frame; lang: Lang }) {
  const bar = scaleBar(p.frame, p.frame.width / 4);
  const y = p.frame.height - 10;
  const label = bar.metres >= 1000 ? `${formatNumber(bar.metres / 1000, p.lang)} km` : `${bar.metres} m`;
  return (
    <g class="scale" font-size="9">
      <rect x="6" y={y - 12} width={bar.units + 34} height="18" fill="#ffffff" fill-opacity="0.85" />
      <path d={`M10 ${y - 4}V${y}H${10 + bar.units}V${y - 4}`} fill="none" stroke="#000" stroke-width="1.2" />
      <text x={14 + bar.units} y={y + 1}>
        {label}
      </text>
      <g transform={`translate(${p.frame.width - 14}, 16)`}>
        <path d="M0 -10L5 4L0 1L-5 4Z" fill="#000" />
        <text y="14" text-anchor="middle">
          N
        </text>
      </g>
    </g>
  );
}

export function MiniMap(p: MiniMapProps) {
  const f = frameFor(p.bounds, p.width, p.maxHeight, 10);
  const r = Math.max(5, Math.min(8, p.width / 60));
  return (
    <svg
      class="mini-map"
      viewBox={`0 0 ${p.width} ${f.height.toFixed(1)}`}
      role="img"
      aria-label={p.title}
      font-family="inherit"
    >
      <title>{p.title}</title>
      <rect width={p.width} height={f.height} fill="#e3eaee" />
      {(p.river ?? []).map((g, i) => (
        <path
          key={`r${i}`}
          d={pathOf(g, f)}
          fill="none"
          stroke="#a9cbe0"
          stroke-width={400 / f.metresPerUnit}
          stroke-linejoin="round"
        />
      ))}
      {p.areas.map((a, i) => {
        const st = AREA_STYLE[a.kind];
        return (
          <path
            key={`a${i}`}
            d={pathOf(a.geometry, f)}
            fill={a.fill ?? st.fill}
            stroke={st.stroke}
            stroke-width={st.width}
            fill-rule="evenodd"
          />
        );
      })}
      {(p.gaps ?? []).map((g, i) => (
        <path
          key={`g${i}`}
          d={pathOf(g, f)}
          fill="url(#report-gap)"
          stroke="#67001f"
          stroke-width="0.5"
          fill-rule="evenodd"
        />
      ))}
      {p.areas
        .filter((a) => a.kind === 'focus')
        .map((a, i) => (
          <path key={`o${i}`} d={pathOf(a.geometry, f)} fill="none" stroke="#000" stroke-width="2" />
        ))}
      {p.areas
        .filter((a) => a.label && a.labelAt)
        .map((a, i) => {
          const [x, y] = f.project(a.labelAt!);
          return (
            <text key={`l${i}`} x={x} y={y} class="area-label" text-anchor="middle" font-size="8.5">
              {a.label}
            </text>
          );
        })}
      {(p.facilities ?? []).map((pt, i) => {
        const [x, y] = f.project(pt);
        return <circle key={`f${i}`} cx={x} cy={y} r="2.6" fill="#263238" stroke="#fff" stroke-width="0.8" />;
      })}
      {p.worst &&
        (() => {
          const [x, y] = f.project(p.worst);
          return (
            <path
              d={`M${x - 5} ${y - 5}L${x + 5} ${y + 5}M${x - 5} ${y + 5}L${x + 5} ${y - 5}`}
              stroke="#000"
              stroke-width="2.2"
            />
          );
        })()}
      {(p.sites ?? []).map((site) => {
        const [x, y] = f.project(site.lonLat);
        return (
          <g key={`${site.shape}${site.label}`}>
            <path d={markerPath(site.shape, x, y, r)} fill="#ffffff" stroke="#000" stroke-width="1.3" />
            <text x={x} y={y + 3} text-anchor="middle" font-size="8" font-weight="bold">
              {site.label}
            </text>
          </g>
        );
      })}
      <ScaleAndNorth frame={f} lang={p.lang} />
    </svg>
  );
}

/** A legend row's swatch for a map symbol. */
export function LegendSymbol(p: { kind: 'focus' | 'member' | 'gap' | 'facility' | 'worst' | Shape }) {
  const k = p.kind;
  let body: preact.JSX.Element;
  if (k === 'focus' || k === 'member')
    body = (
      <rect
        x="2"
        y="3"
        width="16"
        height="10"
        fill="#fff"
        stroke="#000"
        stroke-width={k === 'focus' ? 2 : 0.9}
      />
    );
  else if (k === 'gap')
    body = (
      <rect x="2" y="3" width="16" height="10" fill="url(#report-gap)" stroke="#67001f" stroke-width="0.5" />
    );
  else if (k === 'facility') body = <circle cx="10" cy="8" r="3" fill="#263238" />;
  else if (k === 'worst') body = <path d="M5 3L15 13M5 13L15 3" stroke="#000" stroke-width="2" />;
  else body = <path d={markerPath(k, 10, 8, 5)} fill="#fff" stroke="#000" stroke-width="1.2" />;
  return (
    <svg
      class="legend-symbol"
      viewBox="0 0 20 16"
      width="20"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {body}
    </svg>
  );
}
