export function StatsPage() {
  return null;
}
