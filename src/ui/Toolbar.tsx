// Placeholder until the panel lands.
export function Toolbar() {
  return null;
}
