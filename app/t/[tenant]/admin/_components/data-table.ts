/**
 * Class names of the admin area's data tables: a plain table from `md` up; below it every row is a stacked
 * card whose cells name themselves (`data-label`, shown before the value), so a 390 px screen never scrolls
 * sideways. Header cells stay in the accessibility tree (visually hidden on small screens).
 */
export const dataTable = {
  table: 'w-full text-sm max-md:block',
  thead: 'max-md:sr-only',
  tbody: 'max-md:block max-md:space-y-3',
  tr: 'border-b border-line align-top max-md:block max-md:rounded-xl max-md:border max-md:bg-surface max-md:p-3',
  th: 'px-2 py-2 text-left font-medium text-fg-muted',
  td:
    'px-2 py-2 max-md:flex max-md:min-w-0 max-md:gap-3 max-md:px-0 max-md:py-1 max-md:before:w-28 max-md:before:shrink-0 ' +
    'max-md:before:font-medium max-md:before:text-fg-muted max-md:before:content-[attr(data-label)] max-md:[overflow-wrap:anywhere]',
};
