/**
 * The phone_number_id / waba_id of an Evolution channel: Papo's own, so the Cloud-shaped ingest (which routes by
 * phone_number_id) reaches exactly this channel and no Meta number can ever collide with it (Meta's are digits).
 */
export const evolutionNumberId = (channelId: string) => `evo-${channelId}`;
