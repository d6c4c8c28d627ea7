/**
 * 睦邻门 gates and closed links as scenario changes to the walking graph: a gate is a short
 * new walking link between two clicked points (each snapped onto the nearest edge within
 * 150 m; the link's length is the straight distance between the snap points, at most
 * MAX_GATE_M); a closure closes the edge nearest a clicked point (within 30 m).
 */
import type { Position } from 'geojson';
import type { Bilingual } from '../../core/lang';
import { MAX_SNAP_M, type NetworkContext } from './context';
import type { GraphOverlay } from './dijkstra';
import { snapXY } from './snap';

export interface GateSpec {
  id: string;
  /** the two ends, [lon, lat] */
  a: [number, number];
  b: [number, number];
}

export interface ClosureSpec {
  id: string;
  /** a point on the link to close, [lon, lat] */
  at: [number, number];
}

/**
 * The longest gate (m, between its snapped ends). A 睦邻门 is a door in the wall between two
 * estates, or an estate and its street: the wall itself is a few metres thick and the walks on
 * either side lie within a setback of some tens of metres, so 60 m spans the wall, its setback
 * and a short path on both sides. A longer link is a new path through a block (needing land,
 * not a door) and would let a scenario invent walks; it is refused. Gate suggestions use the
 * same figure.
 */
export const MAX_GATE_M = 60;

/** A closure must be this close to a link (m). */
export const CLOSURE_SNAP_M = 30;

/** The overlay of a scenario's gates and closures, and what could not be placed (by id, bilingual). */
export function overlayFrom(
  ctx: NetworkContext,
  gates: GateSpec[] = [],
  closures: ClosureSpec[] = [],
): { overlay: GraphOverlay; problems: { id: string; message: Bilingual }[] } {
  const problems: { id: string; message: Bilingual }[] = [];
  const links: GraphOverlay['links'] = [];
  for (const gate of gates) {
    const sa = ctx.snapLonLat(gate.a);
    const sb = ctx.snapLonLat(gate.b);
    if (!sa || !sb) {
      problems.push({
        id: gate.id,
        message: {
          zh: `门的端点离已绘制的步行路超过${MAX_SNAP_M}米`,
          en: `a gate end is more than ${MAX_SNAP_M} m from a mapped walk`,
        },
      });
      continue;
    }
    const [ax, ay] = snapXY(ctx.graph, sa);
    const [bx, by] = snapXY(ctx.graph, sb);
    const lengthM = Math.hypot(ax - bx, ay - by);
    if (lengthM > MAX_GATE_M) {
      const m = Math.round(lengthM);
      problems.push({
        id: gate.id,
        message: {
          zh: `门长 ${m} 米，超过 ${MAX_GATE_M} 米的上限，未计入：睦邻门是围墙上的一道开口，请在墙两侧紧邻的步行路上各点一下`,
          en: `this gate is ${m} m long, over the ${MAX_GATE_M} m limit, and is not counted: a gate is an opening in a wall, so click the walks just either side of it`,
        },
      });
      continue;
    }
    links.push({ a: { edge: sa.edge, t: sa.t }, b: { edge: sb.edge, t: sb.t }, lengthM });
  }
  const closed = new Set<number>();
  for (const c of closures) {
    const [x, y] = ctx.model.grid.proj.toXY(c.at);
    const s = ctx.index.nearest(x, y, CLOSURE_SNAP_M);
    if (s) closed.add(s.edge);
    else
      problems.push({
        id: c.id,
        message: {
          zh: `${CLOSURE_SNAP_M}米内没有可关闭的步行路`,
          en: `no mapped walk within ${CLOSURE_SNAP_M} m to close`,
        },
      });
  }
  return { overlay: { links, closed }, problems };
}

/** The line of each gate (lon/lat, snapped ends) and each closed link, for drawing. */
export function overlayLines(
  ctx: NetworkContext,
  overlay: GraphOverlay,
): { gates: Position[][]; closed: Position[][] } {
  const g = ctx.graph;
  const proj = ctx.model.grid.proj;
  const at = (edge: number, t: number) => proj.toLonLat(...snapXY(g, { edge, t, accessM: 0 }));
  return {
    gates: overlay.links.map((l) => [at(l.a.edge, l.a.t), at(l.b.edge, l.b.t)]),
    closed: [...overlay.closed].map((e) => [
      proj.toLonLat(g.x[g.from[e]!]!, g.y[g.from[e]!]!),
      proj.toLonLat(g.x[g.to[e]!]!, g.y[g.to[e]!]!),
    ]),
  };
}
