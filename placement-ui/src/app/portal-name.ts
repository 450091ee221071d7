// Whether the page runs inside a portal iframe, without loading the frame client (App.vue's first paint).

/** True when the page runs inside a portal iframe (window.name = DOMAIN|PROTOCOL|APP_SID). */
export function isInPortal(name: string = window.name): boolean {
  return name.split('|').length >= 3
}
