// How values are shown: the unit after the number, "--" for a value the device does not know.

export const UNKNOWN = '--';

/** `value` with `decimals` decimals and its unit, or "--" when it is null or missing. */
export function fixed(value, decimals, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return UNKNOWN;
  }
  return unit ? `${value.toFixed(decimals)} ${unit}` : value.toFixed(decimals);
}

export const volts = (value) => fixed(value, 2, 'V');
export const cellVolts = (value) => fixed(value, 3, 'V');
export const amps = (value) => fixed(value, 1, 'A');
export const watts = (value) => fixed(value, 0, 'W');
export const ampHours = (value) => fixed(value, 1, 'Ah');
export const kilowattHours = (value) => fixed(value, 2, 'kWh');
export const celsius = (value) => fixed(value, 1, '°C');
export const percent = (value) => fixed(value, 1, '%');
export const count = (value) => (value === null || value === undefined ? UNKNOWN : String(value));

/** A device instant ("2026-06-01T21:59:59Z") as "2026-06-01 21:59:59": the device's clock is UTC. */
export function deviceTime(iso) {
  if (!iso) {
    return UNKNOWN;
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A span of seconds as the history page shows it: "3d 4h", "5h 12m", "40m". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return UNKNOWN;
  }
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) {
    return `${days}d ${hours % 24}h`;
  }
  if (hours > 0) {
    return `${hours}h ${minutes % 60}m`;
  }
  return `${minutes}m`;
}

/** "HIGH" / "FLOATING" as the status page writes an output. */
export function output(level) {
  switch (level) {
    case 'HIGH': return 'High';
    case 'FLOATING': return 'Floating';
    default: return level ?? UNKNOWN;
  }
}

/** "WARNING" as "Warning". */
export function severity(name) {
  return name ? name.charAt(0) + name.slice(1).toLowerCase() : '';
}

/**
 * The severity of a code from its letter, as the manual's tables sort them (W- warning, A- alarm, E- error): an
 * event names its code but carries no severity of its own.
 */
export function severityOfCode(code) {
  switch (code?.charAt(0)) {
    case 'W': return 'WARNING';
    case 'A': return 'ALARM';
    case 'E': return 'ERROR';
    default: return null;
  }
}
