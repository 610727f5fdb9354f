// Where Shelfsync's controls live in the page: each listing gets a small host element with an
// OPEN shadow root (tests and the seller's own tools can find `data-shelfsync` controls in it),
// styled by one constructed stylesheet shared by every host (no per-row <style> or fetch), and
// isolated so clicks and keys inside it never reach the console's own handlers (a Polaris row
// would follow its link on any click). One React root renders into all of them through portals.
import type { MountPoint } from './reader';

/** Events stopped at our hosts: the console must not react to what happens in our controls. */
export const ISOLATED_EVENTS = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout', 'submit'] as const;

let sheet: CSSStyleSheet | null = null;
let cssText = '';

/** The controls' CSS, shared by every host created afterwards. */
export function setControlStyles(text: string): void {
  cssText = text;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
  } catch {
    sheet = null; // no constructable stylesheets here: each host gets a <style> instead
  }
}

export function isolate(host: HTMLElement): void {
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
}

export function place(node: Element, mount: MountPoint): void {
  const { anchor, where } = mount;
  if (where === 'append') anchor.append(node);
  else if (where === 'prepend') anchor.prepend(node);
  else if (where === 'after') anchor.after(node);
  else anchor.before(node);
}

export interface Host {
  host: HTMLElement;
  container: HTMLElement;
}

/** A host for one listing's controls (or one variant's, on its own line of the row), placed at `mount`. */
export function createHost(platform: string, kind: 'row' | 'product' | 'variant', mount: MountPoint, itemId: string, variantId?: string): Host {
  const host = document.createElement('shelfsync-row');
  host.setAttribute('data-shelfsync-host', kind);
  host.setAttribute('data-shelfsync-id', itemId);
  if (variantId !== undefined) host.setAttribute('data-shelfsync-variant', variantId);
  host.setAttribute('data-console', platform);
  const shadow = host.attachShadow({ mode: 'open' });
  let adopted = false;
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      adopted = true;
    } catch {
      adopted = false;
    }
  }
  if (!adopted) {
    const style = document.createElement('style');
    style.textContent = cssText;
    shadow.append(style);
  }
  const container = document.createElement('div');
  container.className = kind === 'product' ? 'ss-slot ss-slot--product' : `ss-slot ss-slot--row${kind === 'variant' ? ' ss-slot--variant' : ''}`;
  shadow.append(container);
  isolate(host);
  place(host, mount);
  return { host, container };
}
