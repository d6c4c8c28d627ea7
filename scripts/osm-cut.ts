/**
 * Cut a bounding box out of an OSM XML file the way the OSM API's /map call does: every node
 * inside the box, every way with a node inside (whole, with all its nodes), and every multipolygon
 * relation with one of those nodes or ways as a member (its member list unchanged; routes and
 * boundaries, which the layers do not use, are left out to keep fixtures small). Elements are copied
 * unchanged (ids, versions, timestamps, tags); <bounds> becomes the box. Used to make the small
 * real fixtures in tests/fixtures/osm/ from the raw exports.
 *
 *   npx tsx scripts/osm-cut.ts --bbox 121.500,31.297,121.514,31.304 in.osm > out.osm
 */
import { readFileSync } from 'node:fs';
import { DOMParser, type Element, XMLSerializer } from '@xmldom/xmldom';

type Box = [number, number, number, number];

function childElements(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < el.childNodes.length; i++) {
    const c = el.childNodes.item(i);
    if (c && c.nodeType === 1 && (!name || c.nodeName === name)) out.push(c as Element);
  }
  return out;
}

/** The ids of the nodes, ways and relations the cut keeps. */
function selection(root: Element, [w, s, e, n]: Box): Record<'node' | 'way' | 'relation', Set<string>> {
  const all = childElements(root);
  const inBox = new Set(
    all
      .filter((el) => el.nodeName === 'node')
      .filter((el) => {
        const lon = Number(el.getAttribute('lon'));
        const lat = Number(el.getAttribute('lat'));
        return lon >= w && lon <= e && lat >= s && lat <= n;
      })
      .map((el) => el.getAttribute('id')!),
  );
  const nodes = new Set(inBox);
  const ways = new Set<string>();
  for (const way of all.filter((el) => el.nodeName === 'way')) {
    const refs = childElements(way, 'nd').map((nd) => nd.getAttribute('ref')!);
    if (!refs.some((r) => inBox.has(r))) continue;
    ways.add(way.getAttribute('id')!);
    for (const r of refs) nodes.add(r);
  }
  const relations = new Set<string>();
  const multipolygons = all.filter(
    (el) =>
      el.nodeName === 'relation' &&
      childElements(el, 'tag').some(
        (t) => t.getAttribute('k') === 'type' && t.getAttribute('v') === 'multipolygon',
      ),
  );
  for (const rel of multipolygons) {
    const hit = childElements(rel, 'member').some((m) =>
      (m.getAttribute('type') === 'node' ? inBox : m.getAttribute('type') === 'way' ? ways : null)?.has(
        m.getAttribute('ref')!,
      ),
    );
    if (hit) relations.add(rel.getAttribute('id')!);
  }
  return { node: nodes, way: ways, relation: relations };
}

/** The cut as OSM XML text: the source's <osm> attributes, the box as <bounds>, the kept elements in file order. */
export function cutOsmXml(text: string, box: Box): string {
  const root = new DOMParser().parseFromString(text, 'text/xml').documentElement!;
  const keep = selection(root, box);
  const serializer = new XMLSerializer();
  const attrs = ['version', 'generator', 'copyright', 'attribution', 'license']
    .filter((a) => root.getAttribute(a) !== null)
    .map((a) => ` ${a}="${root.getAttribute(a)}"`)
    .join('');
  const lines = [`<?xml version="1.0" encoding="UTF-8"?>`, `<osm${attrs}>`];
  const [w, s, e, n] = box;
  lines.push(` <bounds minlat="${s}" minlon="${w}" maxlat="${n}" maxlon="${e}"/>`);
  for (const el of childElements(root)) {
    const set = keep[el.nodeName as keyof typeof keep];
    if (set?.has(el.getAttribute('id')!)) lines.push(` ${serializer.serializeToString(el)}`);
  }
  lines.push('</osm>', '');
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const i = args.indexOf('--bbox');
  const box = (args[i + 1] ?? '').split(',').map(Number);
  const file = args.filter((_, k) => k !== i && k !== i + 1)[0];
  if (i < 0 || box.length !== 4 || box.some((v) => !Number.isFinite(v)) || !file) {
    console.error('usage: npx tsx scripts/osm-cut.ts --bbox west,south,east,north file.osm > cut.osm');
    process.exit(2);
  }
  // No exit after it: Node ends once the pipe has taken all of it.
  process.stdout.write(cutOsmXml(readFileSync(file, 'utf8'), box as Box));
}

if (process.argv[1]?.endsWith('osm-cut.ts')) main();
