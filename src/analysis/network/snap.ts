/**
 * Snapping to the walking graph: a uniform grid index over the edges finds, for a point
 * (projected m), the nearest point ON an edge (not the nearest node): the edge, the position
 * along it (t from its `from` node, 0–1) and the access leg (m).
 */
import type { WalkGraph } from './graph';

export interface Snap {
  edge: number;
  /** 0 at the edge's `from` node, 1 at its `to` node */
  t: number;
  /** straight-line distance from the point to the edge, m */
  accessM: number;
}

export class EdgeIndex {
  readonly graph: WalkGraph;
  /** bucket size, m */
  readonly bucketM: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(graph: WalkGraph, bucketM = 50) {
    this.graph = graph;
    this.bucketM = bucketM;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < graph.x.length; i++) {
      x0 = Math.min(x0, graph.x[i]!);
      x1 = Math.max(x1, graph.x[i]!);
      y0 = Math.min(y0, graph.y[i]!);
      y1 = Math.max(y1, graph.y[i]!);
    }
    if (!Number.isFinite(x0)) x0 = y0 = x1 = y1 = 0;
    this.x0 = x0;
    this.y0 = y0;
    this.cols = Math.max(1, Math.ceil((x1 - x0) / bucketM) + 1);
    this.rows = Math.max(1, Math.ceil((y1 - y0) / bucketM) + 1);
    const counts = new Int32Array(this.cols * this.rows + 1);
    const each = (e: number, f: (b: number) => void) => {
      const a = graph.from[e]!;
      const b = graph.to[e]!;
      const i0 = this.col(Math.min(graph.x[a]!, graph.x[b]!));
      const i1 = this.col(Math.max(graph.x[a]!, graph.x[b]!));
      const j0 = this.row(Math.min(graph.y[a]!, graph.y[b]!));
      const j1 = this.row(Math.max(graph.y[a]!, graph.y[b]!));
      for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) f(j * this.cols + i);
    };
    const m = graph.from.length;
    for (let e = 0; e < m; e++) each(e, (b) => counts[b + 1]!++);
    for (let b = 0; b < this.cols * this.rows; b++) counts[b + 1]! += counts[b]!;
    this.start = counts.slice();
    const fill = counts.slice(0, this.cols * this.rows);
    this.items = new Int32Array(counts[this.cols * this.rows]!);
    for (let e = 0; e < m; e++) each(e, (b) => (this.items[fill[b]!++] = e));
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.bucketM)));
  }
  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.bucketM)));
  }

  /**
   * The nearest point on any edge within `maxM` metres of (x, y), or null. Buckets are
   * searched in growing square rings; the search stops once no unseen bucket can hold a
   * nearer edge, so a far point costs in proportion to its distance.
   */
  nearest(x: number, y: number, maxM: number): Snap | null {
    const best: Snap = { edge: -1, t: 0, accessM: maxM };
    const ci = Math.floor((x - this.x0) / this.bucketM);
    const cj = Math.floor((y - this.y0) / this.bucketM);
    const reach = Math.ceil(maxM / this.bucketM);
    for (let ring = 0; ring <= reach; ring++) {
      // everything in rings beyond this one is at least (ring - 1) buckets away
      if (best.edge >= 0 && best.accessM <= (ring - 1) * this.bucketM) break;
      for (let j = cj - ring; j <= cj + ring; j++) {
        if (j < 0 || j >= this.rows) continue;
        const onEdgeRow = j === cj - ring || j === cj + ring;
        for (let i = ci - ring; i <= ci + ring; i += onEdgeRow || ring === 0 ? 1 : 2 * ring) {
          if (i < 0 || i >= this.cols) continue;
          this.scanBucket(j * this.cols + i, x, y, best);
        }
      }
    }
    return best.edge >= 0 ? best : null;
  }

  private scanBucket(b: number, x: number, y: number, best: Snap): void {
    const g = this.graph;
    for (let k = this.start[b]!; k < this.start[b + 1]!; k++) {
      const e = this.items[k]!;
      const ax = g.x[g.from[e]!]!;
      const ay = g.y[g.from[e]!]!;
      const dx = g.x[g.to[e]!]! - ax;
      const dy = g.y[g.to[e]!]! - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      const d = Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
      if (d < best.accessM || (d === best.accessM && best.edge >= 0 && e < best.edge)) {
        best.accessM = d;
        best.edge = e;
        best.t = t;
      }
    }
  }
}

/** The projected position (m) of a snap point. */
export function snapXY(g: WalkGraph, s: Snap): [number, number] {
  const a = g.from[s.edge]!;
  const b = g.to[s.edge]!;
  return [g.x[a]! + s.t * (g.x[b]! - g.x[a]!), g.y[a]! + s.t * (g.y[b]! - g.y[a]!)];
}
