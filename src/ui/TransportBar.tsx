// Placeholder until the panel lands.
export function TransportBar() {
  return null;
}
