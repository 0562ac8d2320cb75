import type { NodeExecutor } from "../../engine/engine-types";
import { EXIT } from "../exit-handle";
import type { StartData } from "./schema";

/** The start node only leads on; which conversations start the flow is the runtime's trigger matching. */
export const executeStart: NodeExecutor<StartData> = () => ({ next: "exit", exit: EXIT.next });
