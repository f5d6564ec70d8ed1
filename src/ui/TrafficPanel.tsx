// Placeholder until the panel lands.
export function TrafficPanel() {
  return null;
}
