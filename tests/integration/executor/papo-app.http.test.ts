// The same suite with the executor calling the SDK over HTTP (PAPO_EXECUTOR_CALLS=http): a worker running
// functions served by another process. papo-app.test.ts itself runs the default, in-process calls.
process.env.PAPO_EXECUTOR_CALLS = "http";
export {};
await import("./papo-app.test");
