/** The facility card's state (no JSX): which facility is selected. */
import { signal } from '@preact/signals';

/** selected facility id */
export const selectedFacility = signal<string | null>(null);
