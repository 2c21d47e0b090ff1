// A type alias (not an interface) so it satisfies Kysely's `withTables` constraint.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the folder's tables are written
export type TelemetryTables = {};
