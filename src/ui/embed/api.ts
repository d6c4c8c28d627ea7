/**
 * The embed API at work (?embed=1 inside a frame): apply the host page's `yangpu:set`
 * messages, tell the host when the map is ready and what a user chooses. Only messages from
 * the parent window are read, and only the documented shapes (./messages.ts). Posts go to
 * the parent with targetOrigin '*': they carry only public data (names, ids, shares), and the
 * map cannot know its host's origin; hosts check `event.origin` (README, "Embed API").
 */
import { batch, effect, type ReadonlySignal } from '@preact/signals';
import { circleAccessFigures } from '../access/embed';
import { accessSummary, setWalkTime } from '../access/state';
import { controller, flags, index, lang, tab } from '../app/state';
import {
  category,
  distance,
  distanceInForce,
  radius,
  radiusM,
  selectedCircle,
  table,
} from '../coverage/state';
import { selectedFacility } from '../facility/state';
import { residentPoint } from '../nearby/state';
import {
  EMBED_API_VERSION,
  type OutMessage,
  parseEmbedMessage,
  type SetMessage,
  selectedCirclePayload,
} from './messages';

/** Apply a validated command (a circle must exist in the data in use). Returns false when refused. */
export function applyCommand(cmd: SetMessage): boolean {
  if (cmd.circle && !index.peek()?.circles.has(cmd.circle)) return false;
  batch(() => {
    if (cmd.category !== undefined) {
      category.value = cmd.category;
      // as in the app: a new type starts at its standard distance unless one is given
      if (cmd.radiusM === undefined) radiusM.value = null;
    }
    if (cmd.radiusM !== undefined) radiusM.value = cmd.radiusM;
    if (cmd.walk !== undefined) setWalkTime(cmd.walk);
    if (cmd.circle !== undefined) selectedCircle.value = cmd.circle;
    if (cmd.at !== undefined) residentPoint.value = cmd.at;
    if (cmd.distance !== undefined) distance.value = cmd.distance;
  });
  const map = controller.peek();
  if (cmd.circle) map?.selectCircle(cmd.circle, true);
  if (cmd.at) map?.flyTo(cmd.at, 15);
  return true;
}

/** Run `fn` when `s` changes to a non-null value (not for the value it has now). */
function onChange<T>(s: ReadonlySignal<T | null>, fn: (value: T) => void): () => void {
  let first = true;
  return effect(() => {
    const v = s.value;
    if (first) {
      first = false;
      return;
    }
    if (v !== null) fn(v);
  });
}

export function startEmbedApi(target: Window | null = window.parent): () => void {
  if (!flags.embed || !target || target === window) return () => {};
  const post = (message: OutMessage) => target.postMessage(message, '*');
  /** true while a host's command is applied: its echoes are not reported as a user's choice */
  let fromHost = false;
  const onMessage = (e: MessageEvent) => {
    if (e.source !== target) return;
    const cmd = parseEmbedMessage(e.data);
    if (!cmd) return;
    fromHost = true;
    try {
      applyCommand(cmd);
    } finally {
      fromHost = false;
    }
  };
  window.addEventListener('message', onMessage);
  let ready = false;
  const stops = [
    effect(() => {
      if (ready || !controller.value || !table.value) return;
      ready = true;
      post({
        type: 'yangpu:ready',
        version: EMBED_API_VERSION,
        state: {
          category: category.peek(),
          radiusM: radius.peek(),
          circle: selectedCircle.peek(),
          at: residentPoint.peek(),
          lang: lang.peek(),
          tab: tab.peek(),
          distance: distanceInForce.peek(),
        },
      });
    }),
    onChange(selectedCircle, (id) => {
      if (fromHost) return;
      const c = index.peek()?.circles.get(id)?.properties;
      const tb = table.peek();
      const row = tb?.circles.find((x) => x.id === id) ?? null;
      if (!c) return;
      post({
        type: 'yangpu:select',
        circle: selectedCirclePayload(
          { id, name: c.name, nameEn: c.nameEn },
          row,
          tb?.distance ?? null,
          category.peek(),
          radius.peek(),
          circleAccessFigures(accessSummary.peek(), id, category.peek(), radius.peek()),
        ),
      });
    }),
    onChange(selectedFacility, (id) => {
      const f = index.peek()?.facilities.get(id);
      if (fromHost || !f) return;
      const [lon, lat] = f.geometry.coordinates;
      post({
        type: 'yangpu:select',
        facility: { id, name: f.properties.name, category: f.properties.category, lonLat: [lon!, lat!] },
      });
    }),
    onChange(residentPoint, (at) => {
      if (!fromHost) post({ type: 'yangpu:select', at });
    }),
  ];
  return () => {
    window.removeEventListener('message', onMessage);
    for (const stop of stops) stop();
  };
}
