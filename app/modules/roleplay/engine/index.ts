import { registerCustomerEngine } from "./customer-engine";
import { scriptedCustomer } from "./scripted";

registerCustomerEngine(scriptedCustomer);

export const DEFAULT_ENGINE = scriptedCustomer.name;

export { customerEngine, customerEngineNames } from "./customer-engine";
export type { AgentReply, CustomerMessage, EngineTurn, SimulatedCustomer } from "./customer-engine";
