// Settings of the token inventory (command-line options), with their defaults.

/** How the inventory is built. */
export interface InventoryOptions {
  /** `many-places` fires for calls from more countries, or more networks, than this. */
  maxPlaces: number;
  /** Longest list in a record (addresses, user agents, event types, a flag's evidence); the rest are counted. */
  maxValues: number;
}

/** Defaults: more than 3 countries or networks is many; lists of at most 20 values. */
export const DEFAULT_INVENTORY_OPTIONS: Readonly<InventoryOptions> = { maxPlaces: 3, maxValues: 20 };
