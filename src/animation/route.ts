// Constant-time positions along short polylines (at most four points: a packet's route between two
// places). A route is a slice of a shared Float64Array: x,y pairs, then cumulative lengths.
const MAX_ROUTE_POINTS = 4;
/** Floats per route: the points, their cumulative lengths, and the count. */
export const ROUTE_STRIDE = MAX_ROUTE_POINTS * 3 + 1;
const COUNT = MAX_ROUTE_POINTS * 3;

/** Writes a route of `n` points (from `pts`, x,y pairs) at `offset` of `routes`. */
export function setRoute(routes: Float64Array, offset: number, pts: Float64Array, n: number): void {
  let len = 0;
  for (let i = 0; i < n; i++) {
    const x = pts[i * 2]!;
    const y = pts[i * 2 + 1]!;
    if (i > 0) len += Math.hypot(x - pts[i * 2 - 2]!, y - pts[i * 2 - 1]!);
    routes[offset + i * 2] = x;
    routes[offset + i * 2 + 1] = y;
    routes[offset + MAX_ROUTE_POINTS * 2 + i] = len;
  }
  routes[offset + COUNT] = n;
}

/**
 * The point at fraction `t` (0..1) of the route's length, written to out[0], out[1]. Routes have at most
 * four points, so this is constant time.
 */
export function pointAt(routes: Float64Array, offset: number, t: number, out: Float64Array): void {
  const n = routes[offset + COUNT]!;
  if (n <= 1 || t <= 0) {
    out[0] = routes[offset]!;
    out[1] = routes[offset + 1]!;
    return;
  }
  const lens = offset + MAX_ROUTE_POINTS * 2;
  const total = routes[lens + n - 1]!;
  if (t >= 1 || total === 0) {
    const last = t >= 1 ? n - 1 : 0;
    out[0] = routes[offset + last * 2]!;
    out[1] = routes[offset + last * 2 + 1]!;
    return;
  }
  const d = t * total;
  let i = 1;
  while (i < n - 1 && routes[lens + i]! < d) i++;
  const d0 = routes[lens + i - 1]!;
  const seg = routes[lens + i]! - d0;
  const f = seg > 0 ? (d - d0) / seg : 1;
  const x0 = routes[offset + (i - 1) * 2]!;
  const y0 = routes[offset + (i - 1) * 2 + 1]!;
  out[0] = x0 + (routes[offset + i * 2]! - x0) * f;
  out[1] = y0 + (routes[offset + i * 2 + 1]! - y0) * f;
}

/** Progress of a hop at tick `now`: 0 at its start, 1 at its end; a zero-length hop is done at once. */
export function progress(start: number, end: number, now: number): number {
  if (end <= start) return now >= start ? 1 : 0;
  const t = (now - start) / (end - start);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Eases a hop so a packet leaves and arrives gently; reduced motion jumps to the end. */
export function ease(t: number, reduced: boolean): number {
  if (reduced) return t > 0 ? 1 : 0;
  return t < 0.5 ? 2 * t * t : 1 - 2 * (1 - t) * (1 - t);
}
