export * from "./organizations";
export * from "./channels";
export * from "./contacts";
export * from "./conversations";
export * from "./webhooks";
export * from "./executor";
export * from "./whatsapp";
export * from "./media";
