const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organization an event concerns: Papo's events carry `data.organizationId`. Anything that is not a UUID
 * string is ignored (null = install-wide) rather than rejected: the event API accepts any JSON, and a bad value
 * must not fail ingestion or reach a uuid column.
 */
export function organizationIdOf(data: Record<string, unknown> | undefined): string | null {
  const id = data?.organizationId;
  return typeof id === "string" && UUID.test(id) ? id.toLowerCase() : null;
}
