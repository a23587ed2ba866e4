/** The Nest injection token of the validated GatehouseConfig. */
export const GATEHOUSE_CONFIG = Symbol('GATEHOUSE_CONFIG');
