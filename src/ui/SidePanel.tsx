// Placeholder until the panel lands.
export function SidePanel() {
  return null;
}
