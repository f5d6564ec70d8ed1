// Deterministic stand-ins for the random parts of generated names. Kubernetes draws them at random from
// the alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no look-alike digits); here they come from
// a hash of the owner and a counter, so the same manifests always give the same names.

const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** FNV-1a, 32 bits (the hash the pod-template-hash is built on). */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character mapped into the safe alphabet. */
function safeEncode(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** The pod-template-hash label value of a template (ComputeHash: fnv32a, then SafeEncodeString). */
export const podTemplateHash = (templateJSON: string): string => safeEncode(String(fnv32a(templateJSON)));

/** A generateName suffix: 5 characters, stable for (owner, n), unique among `taken`. */
export function nameSuffix(owner: string, n: number, taken: (candidate: string) => boolean): string {
  for (let k = 0; ; k++) {
    let h = fnv32a(`${owner}#${n}#${k}`);
    let out = "";
    for (let i = 0; i < 5; i++) {
      out += ALPHANUMS[h % ALPHANUMS.length];
      h = (Math.floor(h / ALPHANUMS.length) ^ fnv32a(out)) >>> 0;
    }
    if (!taken(out)) return out;
  }
}
