/**
 * What each 睦邻门 gate adds on its own (residents newly within the walk, with the scenario's
 * sites and closures but no other gate), and, when that is nothing, why: the walks to the
 * nearest site at its two ends (m, along the mapped network, without the gate) tell whether
 * the gate shortens no walk, both sides already reach a site, the far side stays beyond the
 * walk even through it, or the cells it brings within reach hold no residents. Pure.
 */
import type { CoverageCategory } from '../../core/categories';
import type { Bilingual } from '../../core/lang';
import type { CoverageEngine, DistanceKind } from '../coverage/engine';
import { snapTargets } from './coverage';
import { distanceAt, search, sourcesByEdge } from './dijkstra';
import { type ClosureSpec, type GateSpec, overlayFrom } from './gates';

export type GateReason = 'gains' | 'no-shorter-walk' | 'both-reach' | 'too-far' | 'no-residents' | 'no-site';

export interface GateEffect {
  id: string;
  /** residents newly within the walk with this gate alone */
  gain: number;
  reason: GateReason;
  /** walk (m) to the nearest site at each end without the gate (Infinity: none reached) */
  endsM: [number, number];
  lengthM: number;
  message: Bilingual;
}

const m = (v: number) => `${Math.round(v)}`;

/** The sentence for a gate's effect (bilingual). */
export function gateMessage(e: Omit<GateEffect, 'message'>, radiusM: number): Bilingual {
  const [a, b] = e.endsM;
  const near = Math.min(a, b);
  const far = Math.max(a, b);
  const gain = Math.round(e.gain);
  const head = { zh: `此门单独增加 +${gain} 人`, en: `this gate alone adds +${gain} residents` };
  const why: Record<Exclude<GateReason, 'gains'>, Bilingual> = {
    'no-site': {
      zh: '：门两端都走不到这类设施（已绘制的步行路上）',
      en: ': neither end reaches a site of this type along the mapped walks',
    },
    'no-shorter-walk': {
      zh: `：两端到最近设施的步行距离已相差无几（${m(a)} 米、${m(b)} 米），经门（${m(e.lengthM)} 米）并不更近`,
      en: `: its two ends are already about as far from a site on foot (${m(a)} m and ${m(b)} m); going through it (${m(e.lengthM)} m) is no shorter`,
    },
    'both-reach': {
      zh: `：门两侧都已在 ${radiusM} 米步行范围内（${m(a)} 米、${m(b)} 米），缩短的路线没有让更多居民进入范围`,
      en: `: both sides already reach a site within ${radiusM} m on foot (${m(a)} m and ${m(b)} m); the walks it shortens bring no one new within reach`,
    },
    'too-far': {
      zh: `：最近的设施离门 ${m(near)} 米（步行），经门到另一侧也超过 ${radiusM} 米`,
      en: `: the nearest site is ${m(near)} m from the gate on foot, so even through it the far side stays beyond ${radiusM} m`,
    },
    'no-residents': {
      zh: `：它让另一侧的步行缩短至多 ${m(far - near - e.lengthM)} 米，但新进入 ${radiusM} 米范围的地块没有居民（人口模型）`,
      en: `: it shortens walks on the far side by up to ${m(far - near - e.lengthM)} m, but the cells it brings within ${radiusM} m have no residents (population model)`,
    },
  };
  if (e.reason === 'gains') return head;
  return { zh: head.zh + why[e.reason].zh, en: head.en + why[e.reason].en };
}

/** Why a gate that gains nothing gains nothing, from the walks at its ends (m) and its length (m). */
export function gateReason(
  endsM: [number, number],
  lengthM: number,
  radiusM: number,
): Exclude<GateReason, 'gains'> {
  const near = Math.min(...endsM);
  const far = Math.max(...endsM);
  if (!Number.isFinite(near)) return 'no-site';
  if (near + lengthM >= far - 1) return 'no-shorter-walk';
  if (far <= radiusM) return 'both-reach';
  if (near + lengthM > radiusM) return 'too-far';
  return 'no-residents';
}

/**
 * Each placed gate's own effect for a category and radius (m): `engine` is the scenario's
 * engine without gates (its sites; closures are applied here). Gates that cannot be placed
 * (overlayFrom's problems) are left out. One table per gate.
 */
export function gateEffects(
  engine: CoverageEngine,
  gates: GateSpec[],
  closures: ClosureSpec[],
  category: CoverageCategory,
  radiusM: number,
  distance: DistanceKind,
): GateEffect[] {
  const ctx = engine.network;
  if (!ctx || distance === 'straight' || gates.length === 0) return [];
  const without = overlayFrom(ctx, [], closures).overlay;
  const e0 = engine.withOverlay(without);
  const before = e0.table(category, radiusM, distance).district.coveredPopulation;
  const sources = snapTargets(ctx, e0.targetsOf(category).points).snaps;
  const prepared = ctx.prepare(without);
  const walks = search(ctx.graph, sources, prepared);
  const same = sourcesByEdge(sources);
  const out: GateEffect[] = [];
  for (const gate of gates) {
    const built = overlayFrom(ctx, [gate], closures);
    const link = built.overlay.links[0];
    if (!link) continue;
    const after = engine.withOverlay(built.overlay).table(category, radiusM, distance)
      .district.coveredPopulation;
    const gain = Math.max(0, after - before);
    const endsM: [number, number] = [link.a, link.b].map((x) =>
      distanceAt(ctx.graph, walks, prepared, same, { edge: x.edge, t: x.t, accessM: 0 }),
    ) as [number, number];
    const reason: GateReason = gain >= 0.5 ? 'gains' : gateReason(endsM, link.lengthM, radiusM);
    const effect = { id: gate.id, gain, reason, endsM, lengthM: link.lengthM };
    out.push({ ...effect, message: gateMessage(effect, radiusM) });
  }
  return out;
}
