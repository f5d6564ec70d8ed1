// A packet's addresses as hops carry them: "IP:PORT", "[IPv6]:PORT", or an IP alone (ICMP has no port).

const ADDRESS = /^\[([^\]]+)\]:(\d+)$|^([^:]+):(\d+)$/;

/** The IP and the port of a hop's address; the port is "" when there is none. */
export function splitHostPort(address: string): { host: string; port: string } {
  const m = ADDRESS.exec(address);
  return m ? { host: m[1] ?? m[3]!, port: m[2] ?? m[4]! } : { host: address, port: "" };
}

export const hostOf = (address: string): string => splitHostPort(address).host;

export const portOf = (address: string): string => splitHostPort(address).port;
