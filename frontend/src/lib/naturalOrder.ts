/**
 * Codes in the order people read them, as the service orders them
 * (graph.models.natural_key): digit runs compare as numbers, text without case,
 * so 4.9 comes before 4.10 and D9 before D10; the code itself breaks ties.
 */
type Part = [kind: 0 | 1, number: number, text: string];

function parts(code: string): Part[] {
  return code
    .split(/(\d+)/)
    .filter(Boolean)
    .map((part): Part => (/^\d+$/.test(part) ? [0, Number(part), ""] : [1, 0, part.toLowerCase()]));
}

export function compareCodes(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] as Part, pb[i] as Part];
    const order = x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
    if (order !== 0) return order;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}
