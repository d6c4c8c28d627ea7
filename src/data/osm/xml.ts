/**
 * Read an OSM XML file (.osm: API /map exports, JOSM, osmium, Overpass `out meta`) into OSM
 * objects. The XML itself is parsed by a DOM parser the caller injects — @xmldom/xmldom's
 * DOMParser in Node and in a Web Worker (workers have no DOMParser), or the page's own
 * DOMParser — and only the document's elements are mapped here, so the same code runs
 * everywhere (tests/browser/osm-reader.test.ts checks page and worker against Node). Geometry is built later (geometry.ts, with
 * osmtogeojson), the same way for XML and PBF.
 */
import type { BBox } from '../../core/extent';
import { DataError } from '../errors';
import { round7, summarise } from './summary';
import type { OsmData, OsmElement, OsmMember, OsmTags, OsmType } from './types';

/** The few DOM members the reader uses; xmldom's and the browser's documents both have them. */
export interface XmlNodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: { readonly length: number; item(index: number): XmlNodeLike | null };
}
export interface XmlElementLike extends XmlNodeLike {
  getAttribute(name: string): string | null;
}
export interface XmlDocumentLike {
  readonly documentElement: XmlElementLike | null;
  getElementsByTagName(name: string): { readonly length: number };
}
/** A DOMParser: `new DOMParser()` from @xmldom/xmldom (Node, Web Worker) or the page's `new DOMParser()`. */
export interface XmlParserLike {
  parseFromString(text: string, mimeType: 'text/xml'): XmlDocumentLike;
}

const ELEMENT_NODE = 1;

function childElements(el: XmlNodeLike): XmlElementLike[] {
  const out: XmlElementLike[] = [];
  for (let i = 0; i < el.childNodes.length; i++) {
    const c = el.childNodes.item(i);
    if (c && c.nodeType === ELEMENT_NODE) out.push(c as XmlElementLike);
  }
  return out;
}

/** Reads attributes of one element, stopping with the file and the element named on bad input. */
class AttributeReader {
  constructor(
    private readonly label: string,
    private readonly el: XmlElementLike,
  ) {}

  private fail(problem: string): never {
    const id = this.el.getAttribute('id');
    throw new DataError(this.label, `<${this.el.nodeName}${id ? ` id="${id}"` : ''}>`, problem);
  }

  number(name: string): number {
    const raw = this.el.getAttribute(name);
    const v = raw === null || raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(v)) this.fail(`attribute ${name}="${raw ?? ''}" is not a number`);
    return v;
  }

  optionalNumber(name: string): number | undefined {
    return this.el.getAttribute(name) ? this.number(name) : undefined;
  }

  text(name: string): string | undefined {
    return this.el.getAttribute(name) ?? undefined;
  }
}

function readTags(children: XmlElementLike[]): OsmTags | undefined {
  let tags: OsmTags | undefined;
  for (const c of children) {
    if (c.nodeName !== 'tag') continue;
    const k = c.getAttribute('k');
    if (k === null) continue;
    tags ??= {};
    tags[k] = c.getAttribute('v') ?? '';
  }
  return tags;
}

function readElement(label: string, el: XmlElementLike): OsmElement | null {
  const type = el.nodeName as OsmType;
  if (type !== 'node' && type !== 'way' && type !== 'relation') return null;
  const a = new AttributeReader(label, el);
  const children = childElements(el);
  const base = {
    id: a.number('id'),
    version: a.optionalNumber('version'),
    timestamp: a.text('timestamp'),
    visible: el.getAttribute('visible') === 'false' ? false : undefined,
    tags: readTags(children),
  };
  if (type === 'node') return { type, ...base, lat: round7(a.number('lat')), lon: round7(a.number('lon')) };
  if (type === 'way') {
    const nodes = children
      .filter((c) => c.nodeName === 'nd')
      .map((c) => new AttributeReader(label, c).number('ref'));
    return { type, ...base, nodes };
  }
  const members: OsmMember[] = children
    .filter((c) => c.nodeName === 'member')
    .map((c) => ({
      type: (c.getAttribute('type') ?? 'node') as OsmType,
      ref: new AttributeReader(label, c).number('ref'),
      role: c.getAttribute('role') ?? '',
    }));
  return { type, ...base, members };
}

function readBounds(label: string, el: XmlElementLike): BBox {
  const a = new AttributeReader(label, el);
  return [a.number('minlon'), a.number('minlat'), a.number('maxlon'), a.number('maxlat')];
}

/** The document's root <osm> element, or a DataError saying what the file is instead. */
function osmRoot(label: string, text: string, parser: XmlParserLike): XmlElementLike {
  let doc: XmlDocumentLike;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw new DataError(label, null, `is not well-formed XML: ${(e as Error).message}`);
  }
  const root = doc.documentElement;
  if (!root || doc.getElementsByTagName('parsererror').length > 0)
    throw new DataError(label, null, 'is not well-formed XML');
  if (root.nodeName !== 'osm')
    throw new DataError(
      label,
      null,
      `is not an OSM XML file (root element <${root.nodeName}>, expected <osm>)`,
    );
  return root;
}

/**
 * Parse OSM XML text.
 *
 * Input: the file's text, a name for messages (`label`), and a DOM parser. Output: every node,
 * way and relation (coordinates in degrees, 7 decimals) and the file's summary (bounds from
 * <bounds>, generator, newest timestamp, counts). Stops with a DataError naming the file and
 * the element on malformed input.
 */
export function parseOsmXml(text: string, label: string, parser: XmlParserLike): OsmData {
  const root = osmRoot(label, text, parser);
  const elements: OsmElement[] = [];
  let bounds: BBox | null = null;
  for (const el of childElements(root)) {
    if (el.nodeName === 'bounds') bounds ??= readBounds(label, el);
    const e = readElement(label, el);
    if (e) elements.push(e);
  }
  return { info: summarise(label, 'osm-xml', bounds, root.getAttribute('generator'), elements), elements };
}
