// Resolves once the browser has painted what the page holds now (the next frame, then a task after it):
// work that the first paint does not need starts there instead of competing with it.
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0)
    requestAnimationFrame(() => setTimeout(resolve, 0))
  })
}
