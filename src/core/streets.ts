/**
 * Street names in Chinese addresses, as pure string functions: the street part of an official
 * list's address ("上海市杨浦区控江路1500号" → 控江路), and a query split into the streets it names
 * ("控江路延吉中路", "控江路与延吉中路交叉口" → 控江路, 延吉中路). Nothing here knows a position.
 */

/** City and district prefixes an address may start with. */
const PREFIX = /^(?:上海市|上海)?(?:杨浦区)?/;

/**
 * A street name: Chinese characters (digits as numerals, e.g. 中山北二路) ending in a road word.
 * 街 is a street only when not part of 街道 (a subdistrict); 新村/村 estates are not streets.
 */
const STREET = /^([\u4e00-\u9fff]{1,10}?(?:大道|公路|支路|路|街(?!道)|巷))/;
/** A subdistrict or town an address may name before its street ("延吉新村街道嘉耀路…"). */
const AREA = /^[\u4e00-\u9fff]{2,6}?(?:街道|镇)/;

/** The street part of an address, or null when it names none (an estate, a building, nothing). */
export function streetOfAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const rest = address.trim().replace(PREFIX, '').replace(AREA, '');
  const m = STREET.exec(rest);
  if (!m) return null;
  const name = m[1]!;
  return name.length >= 2 ? name : null;
}

/** Words joining or ending a crossing in a query: "与", "和", "/", "交叉口", "路口" … */
const JOINERS = /交叉口|十字路口|交口|[与和及&＆/／、,，×x+＋\s]+/g;

/**
 * The streets a query names, in order, when it names two or more and nothing else
 * ("控江路延吉中路", "控江路 与 延吉中路 交叉口"): first the longest known name at each place,
 * else any run ending in a road word (so a street the data does not hold is still named).
 * Null when the query is not a crossing of streets.
 */
export function crossingStreets(query: string, known: ReadonlySet<string>): string[] | null {
  // a trailing "口" ends the crossing ("国定路口" is 国定路 + 口)
  const text = query.trim().replace(/(?:交叉口|十字路口|交口|口)$/, '');
  const parts: string[] = [];
  for (const chunk of text.split(JOINERS).filter(Boolean)) {
    let i = 0;
    while (i < chunk.length) {
      let best = '';
      for (let j = chunk.length; j > i + 1; j--) {
        const piece = chunk.slice(i, j);
        if (known.has(piece)) {
          best = piece;
          break;
        }
      }
      if (!best) {
        const m = /^[\u4e00-\u9fff]{1,12}?(?:大道|公路|支路|路|街(?!道)|巷)/.exec(chunk.slice(i));
        if (!m) return null;
        best = m[0];
      }
      parts.push(best);
      i += best.length;
    }
  }
  const distinct = [...new Set(parts)];
  return distinct.length >= 2 ? distinct : null;
}
