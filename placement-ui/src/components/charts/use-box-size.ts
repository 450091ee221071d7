// The pixel size of a chart's box, kept current as the page resizes (charts draw at their real size,
// so text stays 11 px at any width).
import { onBeforeUnmount, onMounted, ref } from 'vue'

export function useBoxSize(fallback = { width: 600, height: 240 }) {
  const box = ref<HTMLElement | null>(null)
  const size = ref({ ...fallback })
  let observer: ResizeObserver | undefined
  const measure = () => {
    const r = box.value?.getBoundingClientRect()
    if (r && r.width > 0 && r.height > 0) size.value = { width: Math.floor(r.width), height: Math.floor(r.height) }
  }
  onMounted(() => {
    measure()
    if (typeof ResizeObserver === 'undefined' || !box.value) return
    observer = new ResizeObserver(measure)
    observer.observe(box.value)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return { box, size }
}
