// Colours that stay distinct for the common forms of colour blindness (Okabe & Ito's palette), for
// packets by connection and for states. Themes reuse them; projector mode only enlarges.

export const CONNECTION_COLOURS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
] as const;

export const STATE_COLOURS = {
  ok: "#009E73",
  warn: "#E69F00",
  bad: "#D55E00",
  info: "#0072B2",
  muted: "#8a94a0",
} as const;

export const connectionColour = (connection: number): string =>
  CONNECTION_COLOURS[connection % CONNECTION_COLOURS.length]!;
