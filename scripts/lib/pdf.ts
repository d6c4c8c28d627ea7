/**
 * Just enough PDF reading to check the reports Chromium prints: the page count, and the
 * text of each page. Chromium (Skia) writes plain objects with Flate-compressed content
 * streams and Type0 fonts with ToUnicode maps; text is shown with Tj/TJ on hex strings.
 * Not a general PDF parser (no object streams, no encryption, no xref reading).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    let dict = body;
    let stream: Buffer | null = null;
    if (s >= 0 && /^stream\r?\n/.test(body.slice(s))) {
      dict = body.slice(0, s);
      const dataStart = start + s + (body.slice(s).startsWith('stream\r\n') ? 8 : 7);
      const length = /\/Length (\d+)(?! 0 R)/.exec(dict);
      const dataEnd = length ? dataStart + Number(length[1]) : start + body.lastIndexOf('endstream');
      const raw = pdf.subarray(dataStart, dataEnd);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

/** Number of pages (the /Type /Page objects; /Pages nodes are not counted). */
export function pdfPageCount(pdf: Buffer | Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  ).length;
}

/** Text from UTF-16BE hex. */
function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** code (hex, upper case) → text, from a ToUnicode CMap. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(m[1]!.toUpperCase(), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    )) {
      const width = m[1]!.length;
      const a = Number.parseInt(m[1]!, 16);
      const b = Number.parseInt(m[2]!, 16);
      const dst = m[3]!;
      for (let c = a; c <= b; c++) {
        const key = c.toString(16).toUpperCase().padStart(width, '0');
        if (dst.startsWith('[')) {
          const list = [...dst.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]!);
          if (list[c - a]) map.set(key, utf16(list[c - a]!));
        } else {
          const base = Number.parseInt(dst.slice(1, -1), 16);
          map.set(key, String.fromCharCode(base + (c - a)));
        }
      }
    }
  }
  return map;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** Font resource name → code map, for a page's resources. */
function pageFonts(objs: Map<number, PdfObject>, page: string, cache: Map<number, Map<string, string>>) {
  let resources = page;
  const resRef = ref(page, 'Resources');
  if (resRef !== null) resources = objs.get(resRef)?.dict ?? '';
  let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
  const fontRef = ref(resources, 'Font');
  if (fontRef !== null) fontDict = objs.get(fontRef)?.dict ?? '';
  const fonts = new Map<string, Map<string, string>>();
  for (const m of fontDict.matchAll(/\/([^\s/<>[\]]+)\s+(\d+) 0 R/g)) {
    const id = Number(m[2]);
    let map = cache.get(id);
    if (!map) {
      const tu = ref(objs.get(id)?.dict ?? '', 'ToUnicode');
      map = tu !== null ? toUnicode(objs.get(tu)?.stream?.toString('latin1') ?? '') : new Map();
      cache.set(id, map);
    }
    fonts.set(m[1]!, map);
  }
  return fonts;
}

function decodeHex(hex: string, map: Map<string, string>): string {
  const width = map.size ? [...map.keys()][0]!.length : 4;
  let out = '';
  for (let i = 0; i + width <= hex.length; i += width)
    out += map.get(hex.slice(i, i + width).toUpperCase()) ?? '';
  return out;
}

/** The text of each page, in page order (runs joined by spaces, lines by newlines). */
export function pdfPagesText(pdf: Buffer | Uint8Array): string[] {
  const buf = Buffer.from(pdf);
  const objs = objects(buf);
  const cache = new Map<number, Map<string, string>>();
  const pages: string[] = [];
  const visit = (id: number) => {
    const o = objs.get(id);
    if (!o) return;
    if (/\/Type\s*\/Pages\b/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+) 0 R/g)) visit(Number(k[1]));
      return;
    }
    const fonts = pageFonts(objs, o.dict, cache);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(o.dict)?.[1] ?? '';
    const streams = [...contents.matchAll(/(\d+) 0 R/g)].map((k) => objs.get(Number(k[1]))?.stream);
    let text = '';
    let font = new Map<string, string>();
    /** inside a marked span with /ActualText: its text replaces the glyphs' until EMC */
    let actual: string | null = null;
    const show = (t: string) => {
      if (actual === null) text += t;
    };
    for (const s of streams) {
      const ops = s?.toString('latin1') ?? '';
      const tokens =
        /\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[((?:[^\]]|\\\])*)\]\s*TJ|\/ActualText\s*<([0-9A-Fa-f]*)>|\b(EMC|T\*|ET)\b/g;
      for (const m of ops.matchAll(tokens)) {
        if (m[1]) font = fonts.get(m[1]) ?? new Map();
        else if (m[2] !== undefined) show(decodeHex(m[2], font));
        else if (m[3] !== undefined) {
          for (const part of m[3].matchAll(/<([0-9A-Fa-f]*)>|(-?[\d.]+)/g)) {
            if (part[1] !== undefined) show(decodeHex(part[1], font));
            else if (Number(part[2]) < -200) show(' ');
          }
        } else if (m[4] !== undefined) actual = utf16(m[4].replace(/^FEFF/i, ''));
        else if (m[5] === 'EMC') {
          if (actual !== null) text += actual;
          actual = null;
        } else show('\n');
      }
    }
    pages.push(text);
  };
  const root = [...objs.entries()].find(([, o]) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const pagesRoot = root ? ref(root[1].dict, 'Pages') : null;
  if (pagesRoot !== null) visit(pagesRoot);
  return pages;
}

/**
 * Text without any white space and in NFKC (runs and lines break words anywhere, ligatures
 * such as ﬁ are single glyphs): compare needles and page text like this.
 */
export const squash = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');
