/** Every member of the organization (all inbox events); never shared across organizations. */
export const orgRoom = (organizationId: string) => `org:${organizationId}`;
/** Sockets that have this conversation open (typing indicators). */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
/** One person's sockets in one organization (presence; ended when the membership ends or changes). */
export const personRoom = (organizationId: string, userId: string) => `person:${organizationId}:${userId}`;
/** All of one person's sockets, in every organization (ended when their other sessions are revoked). */
export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets opened with one sign-in (ended when that session signs out). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
