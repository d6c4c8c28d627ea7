/**
 * Small DOM helpers for harness tests, as a user acts: click a button by its text, choose
 * an option, type into a field; and queries by role-like selectors and text.
 */
export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

export const $$ = (selector: string, root: ParentNode = document): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>(selector),
];

export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').trim();

/** The accessible name, as far as these tests need it: aria-label, else the text. */
export const nameOf = (el: Element): string => (el.getAttribute('aria-label') ?? text(el)).trim();

/** The element of `role` (a button, a tab, an option…) whose name matches. */
export function byRole(role: string, name: string | RegExp, root: ParentNode = document): HTMLElement {
  const all = roleElements(role, root);
  const hit = all.find((el) => (typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el))));
  if (!hit) throw new Error(`no ${role} named ${name} (${all.map(nameOf).join(' | ')})`);
  return hit;
}

export function roleElements(role: string, root: ParentNode = document): HTMLElement[] {
  const implicit: Record<string, string> = {
    button: 'button',
    heading: 'h1,h2,h3,h4,h5,h6',
    table: 'table',
    combobox: 'input[role=combobox]',
    link: 'a[href]',
  };
  return $$(`[role=${role}]${implicit[role] ? `,${implicit[role]}` : ''}`, root);
}

export function click(el: HTMLElement): void {
  el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  el.click();
}

/** Set a field's value and send input and change, as typing and leaving the field does. */
export function fill(el: HTMLElement, value: string): void {
  const input = el as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function press(el: HTMLElement, key: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  el.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
}

/** Choose an option of a <select>, as a user's change event arrives. */
export function choose(select: HTMLElement, value: string): void {
  (select as HTMLSelectElement).value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Check a radio or checkbox as a click does. */
export function check(el: HTMLElement): void {
  click(el);
}

/** Wait until an element of `role` named `name` is in the DOM (Preact renders after the signals change). */
export async function findRole(
  role: string,
  name: string | RegExp,
  root: ParentNode = document,
): Promise<HTMLElement> {
  for (let i = 0; ; i++) {
    try {
      return byRole(role, name, root);
    } catch (e) {
      if (i > 3000) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** Wait until `selector` matches (as findRole). */
export async function find(selector: string, root: ParentNode = document): Promise<HTMLElement> {
  for (let i = 0; ; i++) {
    const el = root.querySelector<HTMLElement>(selector);
    if (el) return el;
    if (i > 3000) throw new Error(`nothing matches ${selector}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The field of the <label> whose text (or aria-label of a field) matches, as getByLabel. */
export function byLabel(name: string | RegExp, root: ParentNode = document): HTMLElement {
  const match = (s: string | null | undefined) =>
    s != null && (typeof name === 'string' ? s.trim() === name : name.test(s.trim()));
  const aria = $$('input,select,textarea', root).find((el) => match(el.getAttribute('aria-label')));
  if (aria) return aria;
  for (const label of $$('label', root)) {
    const field = label.querySelector<HTMLElement>('input,select,textarea');
    const own = label.querySelector('span')?.textContent ?? label.textContent;
    if (field && (match(own) || match(label.textContent))) return field;
  }
  throw new Error(`no field labelled ${name}`);
}

/** Choose a file in an <input type=file>, as a user's file picker does. */
export function setFile(input: HTMLElement, name: string, bytes: Uint8Array | string, type = ''): void {
  const file = new File([bytes as BlobPart], name, { type });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Let Preact render what the last event changed (its renders are debounced to a later task). */
export const rendered = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
