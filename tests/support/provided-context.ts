// What a vitest project hands its tests (`provide` in its config, `inject` in a test).
declare module "vitest" {
  export interface ProvidedContext {
    /** The share of each property test's runs this project makes: 1 for all of them. */
    propertyRunShare: number;
  }
}

export {};
