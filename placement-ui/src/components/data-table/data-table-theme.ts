// The kit's own table theme (@bitrix24/b24ui-nuxt 2.13, B24Table: `#build/b24ui/table`), the slots and
// variants DataTable uses, so our table looks like the kit's: row selection, virtualization, footers and
// the other loading animations are left out. Copied, not imported: the `#build` theme exists only once
// the kit's Vite plugin has run, and these classes must be in our sources for Tailwind to emit them.
export const dataTableTheme = {
  slots: {
    // `style-filled`: the kit's default loading colour (air-primary) gives the loading bar its --b24ui-background
    root: 'relative overflow-auto style-filled',
    base: 'min-w-full font-[family-name:var(--ui-font-family-primary)] table-fixed border-separate border-spacing-0',
    thead: 'relative [&>tr]:[&>th]:h-[45px]',
    tbody: 'isolate [&>tr]:last:[&>td]:border-b-0 divide-y divide-(--ui-color-divider-default)',
    th: 'px-4 py-2 text-(length:--ui-font-size-md)/(--ui-font-line-height-md) text-label whitespace-nowrap text-start font-(--ui-font-weight-normal) align-middle border-b border-(--ui-color-divider-default)',
    td: 'p-4 text-(length:--ui-font-size-md)/(--ui-font-line-height-md) text-label whitespace-nowrap font-(--ui-font-weight-normal) align-middle border-b border-(--ui-color-divider-default)',
    separator: 'absolute z-1 start-0 w-full h-px bg-(--ui-color-design-tinted-na-stroke)',
    empty: 'py-6 text-center text-(length:--ui-font-size-sm) text-description',
  },
  variants: {
    pinned: {
      true: {
        th: 'sticky bg-(--ui-color-bg-content-primary) z-1',
        td: 'sticky bg-(--ui-color-bg-content-primary) z-1',
      },
    },
    sticky: {
      true: { thead: 'sticky top-0 inset-x-0 bg-(--ui-color-bg-content-primary) z-2 backdrop-blur-sm' },
    },
    loading: {
      // the kit's default loading animation ("loading"): a 1 px bar running under the header
      true: {
        thead:
          'after:absolute after:z-1 after:h-px after:bg-(--b24ui-background) motion-reduce:after:inset-x-0 motion-reduce:after:animate-pulse motion-safe:after:animate-[progressbar-loading_2s_infinite]',
      },
    },
  },
}
