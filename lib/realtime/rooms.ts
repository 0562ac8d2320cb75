/** Every member of the organization (all inbox events); never shared across organizations. */
export const orgRoom = (organizationId: string) => `org:${organizationId}`;
/** Sockets that have this conversation open (typing indicators). */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
