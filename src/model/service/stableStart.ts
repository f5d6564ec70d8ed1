// Where a deterministic allocator starts probing. The real allocators start at a random offset
// (ipallocator.go, allocator/bitmap.go); the playground must replay exactly, so the start is a
// hash of what is being allocated for (e.g. "shop/web"), then linear probing, as the real
// iterators walk. The same manifests therefore always get the same addresses and ports.

/** 32-bit FNV-1a over the UTF-16 code units of s. */
function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The first address/port of a band to try for `key`: an offset in [0, size). */
export const stableOffset = (key: string, size: bigint): bigint =>
  size > 0n ? BigInt(fnv1a32(key)) % size : 0n;
