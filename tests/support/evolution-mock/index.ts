export * from "./evolution-mock";
export * from "./evolution-payloads";
