export * from "./graph-mock";
export * from "./play-statuses";
export * from "./meta-errors";
