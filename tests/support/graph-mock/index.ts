export * from "./graph-mock";
export * from "./play-statuses";
export * from "./meta-errors";
export * from "./register-phone-number";
export * from "./template-webhooks";
