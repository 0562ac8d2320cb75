/** Why an outbound row failed, as stored on it (errorCode/Title/Details + content.failure) and shown in the inbox. */
export type SendFailure = {
  code: number | null;
  title: string;
  details?: string | null;
  explanation: string;
  reason?: string;
  fbtraceId?: string | null;
  httpStatus?: number | null;
};
