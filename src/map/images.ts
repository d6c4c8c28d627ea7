/** Images made in the browser (no sprite is fetched). */
import { GAP_COLOUR } from './palette';

/**
 * An 8×8 px diagonal hatch in the gap colour: one thin line per tile on a clear ground, a
 * light texture that leaves the coverage colour underneath readable.
 */
export function hatchPattern(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  const v = Number.parseInt(GAP_COLOUR.slice(1), 16);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = (x + y) % size;
      const o = (y * size + x) * 4;
      data[o] = (v >> 16) & 255;
      data[o + 1] = (v >> 8) & 255;
      data[o + 2] = v & 255;
      data[o + 3] = d === 0 ? 200 : d === 1 || d === size - 1 ? 60 : 0;
    }
  }
  return { width: size, height: size, data };
}
