import { describe, expect, it } from "vitest";
import { readOptions } from "../../../bench/options.ts";

describe("bench options", () => {
  it("--only serving measures the sizes given, nothing else chosen", () => {
    const options = readOptions(["--only", "serving", "--sizes", "1000,10000", "--rounds", "5"]);
    expect(options).toMatchObject({ only: "serving", sizes: [1000, 10000], rounds: 5 });
  });

  it("an --only that names nothing the bench measures is refused with the choices", () => {
    expect(() => readOptions(["--only", "everything"])).toThrow(/--only serving/);
  });
});
