import ms from "ms";

// Returns a human friendly uptime such as "5m" or "2h".
export function describeUptime(seconds) {
  return ms(Math.round(seconds * 1000));
}
