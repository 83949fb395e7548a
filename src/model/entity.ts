// An actor or target as Okta logs it (`Actor` / `Target`): the one entity shape every stage and format uses.

/** An actor or target of an event: Okta's `Actor` / `Target` fields, each null when absent. */
export interface Entity {
  id: string | null;
  type: string | null;
  alternateId: string | null;
  displayName: string | null;
}
