import { describe, expect, it } from "vitest";
import { readOptions } from "../../../bench/options.ts";
import { writeReport } from "../../../bench/write-report.ts";
import { size } from "./bench-results.ts";

describe("bench report", () => {
  it("shows each verdict in the targets table and each size's steady state", () => {
    const report = writeReport({
      options: readOptions(["--sizes", "100000"]),
      environment: { date: "2026-01-01T00:00:00Z", nproc: 2, cpu: "cpu", kernel: "Linux", versions: { node: "v22" } },
      loadBefore: "0.00, 0.00, 0.00",
      loadAfter: "0.00, 0.00, 0.00",
      durationMinutes: 1,
      sizes: [size(100_000, { fresh: { ok: false, error: "workerd exited" } })],
    });
    const rows = report.split("\n");
    // 10,000 is a size other targets name, so it has a column, empty for these two.
    expect(rows).toContain("| target | 10,000 articles | 100,000 articles |");
    expect(rows).toContain("| script ≤ 1 MiB gzip |  | met: 0.03 MiB |");
    expect(rows).toContain("| isolate heap ≤ 16 MiB |  | **missed** (workerd exited) |");
    expect(rows).toContain(
      "| rebuild after editing one article ≤ 5 s | not measured (this size was not in the run) |  |",
    );
    expect(rows).toContain("| index / | 5,000 | 120 | 100 | 1.20× | 1,000 | 1,000 | 0 / 0 |");
    expect(rows).toContain("- 100,000 articles, fresh isolates: workerd exited");
  });
});
