// Reads sums out of the Prometheus text exposition (enough for deltas between two scrapes).
export type Labels = Record<string, string>;

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** The sum of every sample of `name` whose labels pass `filter`. */
export function sumSamples(text: string, name: string, filter: (labels: Labels) => boolean = () => true): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match || match[1] !== name) continue;
    const labels: Labels = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = value!;
    if (filter(labels)) total += Number(match[3]);
  }
  return total;
}
