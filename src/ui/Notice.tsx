// Placeholder until the panel lands.
export function Notice() {
  return null;
}
