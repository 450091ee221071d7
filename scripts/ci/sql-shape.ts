// One shape per SQL statement: parameter lists and multi-row VALUES of any length look alike, literals
// of numbers do not matter, whitespace is one space. Used to compare what two test runs sent.
export function normalizeSql(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '$')
    .replace(/\(\$(, \$)*\)/g, '($)')
    .replace(/(\(\$\)(, )?)+/g, '($)')
    .replace(/\b\d+\b/g, '0')
    .trim()
}
