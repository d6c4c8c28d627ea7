/** Near me: ask the worker for walks along the network from the resident's point (newest wins). */
import { effect } from '@preact/signals';
import { COVERAGE_CATEGORIES, RIVERFRONT } from '../../core/categories';
import { isAbortError } from '../../worker/rpc';
import { client, engineReady, notice } from '../app/state';
import { network } from '../coverage/state';
import { residentPoint, walks } from './state';

export function startNearby(): () => void {
  let pending: AbortController | null = null;
  return effect(() => {
    const c = client.value;
    const ready = engineReady.value;
    const at = residentPoint.value;
    const hasNetwork = network.value !== null;
    pending?.abort();
    walks.value = null;
    if (!c || !ready || !at || !hasNetwork) return;
    const ac = new AbortController();
    pending = ac;
    const categories = COVERAGE_CATEGORIES.filter((x) => x !== RIVERFRONT);
    c.call('walks', { at, categories }, { signal: ac.signal })
      .then((answer) => {
        walks.value = answer.walks;
      })
      .catch((e: Error) => {
        if (!isAbortError(e)) notice.value = e.message;
      });
  });
}
