// Resolves once the browser has painted what the page holds now (the next frame, then a task after it):
// work that the first paint does not need starts there instead of competing with it. A frame the
// browser does not render (a portal iframe out of view gets no animation frames) goes on after 300 ms.
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 300)
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0))
  })
}
