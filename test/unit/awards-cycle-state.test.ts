import { describe, expect, it } from "vitest";
import {
  avatarInitials,
  certificateSerial,
  periodLabelZh,
  renderCitation,
  serialSequence,
  unknownPlaceholders,
} from "~/modules/awards/certificate";
import {
  candidateDecisionsOpen,
  canTransition,
  CYCLE_STATUSES,
  CYCLE_TRANSITIONS,
  isPublic,
  nextTransitions,
  statusAfter,
} from "~/modules/awards/cycle-state";
import { ProgramFormSchema, weightShares } from "~/modules/awards/program-form";

describe("cycle state machine", () => {
  const allowed: Record<string, string[]> = {
    open: ["compute"],
    computed: ["compute", "startReview"],
    under_review: ["approve"],
    approved: ["publish"],
    published: ["close"],
    closed: [],
  };
  it.each(CYCLE_STATUSES)("%s allows exactly its next steps", (status) => {
    expect(nextTransitions(status)).toEqual(allowed[status]);
    for (const transition of CYCLE_TRANSITIONS) {
      expect(canTransition(status, transition)).toBe(allowed[status]!.includes(transition));
    }
  });
  it("walks open → closed", () => {
    let status: (typeof CYCLE_STATUSES)[number] = "open";
    for (const transition of ["compute", "startReview", "approve", "publish", "close"] as const) {
      expect(canTransition(status, transition)).toBe(true);
      status = statusAfter(transition);
    }
    expect(status).toBe("closed");
  });
  it("allows candidate decisions only under review, shows winners only once published", () => {
    expect(CYCLE_STATUSES.filter(candidateDecisionsOpen)).toEqual(["under_review"]);
    expect(CYCLE_STATUSES.filter(isPublic)).toEqual(["published", "closed"]);
  });
});

describe("citations and serials", () => {
  it("fills placeholders and keeps unknown ones visible", () => {
    expect(
      renderCitation("{name}（{team}）荣获{period}「{program}」第{rank}名 {oops}", {
        name: "林晓雨",
        team: "售前咨询组",
        period: "2026年11月",
        program: "月度服务之星",
        rank: 1,
      }),
    ).toBe("林晓雨（售前咨询组）荣获2026年11月「月度服务之星」第1名 {oops}");
    expect(unknownPlaceholders("{name} {oops} {oops}")).toEqual(["oops"]);
  });
  it("uses the default text when the programme has none", () => {
    expect(renderCitation("  ", { name: "王磊", period: "2026年第3季度", program: "五星客服" })).toBe(
      "王磊 在2026年第3季度表现突出，荣获「五星客服」称号，特发此证，以资鼓励。",
    );
  });
  it("labels periods in Chinese", () => {
    expect(periodLabelZh("month", "2026-11-01")).toBe("2026年11月");
    expect(periodLabelZh("quarter", "2026-10-01")).toBe("2026年第4季度");
    expect(periodLabelZh("year", "2026-01-01")).toBe("2026年度");
  });
  it("numbers certificates AW-YYYY-NNNNNN", () => {
    expect(certificateSerial(2026, 7)).toBe("AW-2026-000007");
    expect(serialSequence("AW-2026-000123")).toBe(123);
    expect(serialSequence(null)).toBe(0);
    expect(serialSequence("CERT-1")).toBe(0);
  });
  it("makes avatar initials", () => {
    expect(avatarInitials("林晓雨")).toBe("晓雨");
    expect(avatarInitials("王磊")).toBe("王磊");
    expect(avatarInitials("Grace Hopper")).toBe("GH");
  });
});

describe("programme form", () => {
  const base = {
    name: "月度服务之星",
    subjectKind: "individual",
    kind: "composite",
    cadence: "month",
    normalisation: "percentile",
    priorStrength: 20,
    winnerCount: 3,
  };
  it("keeps weighted KPIs only, in order", () => {
    const parsed = ProgramFormSchema.parse({
      ...base,
      metrics: [{ kpiKey: "csat", weight: 3 }, { kpiKey: "frt_median" }, { kpiKey: "qa_score", weight: 1 }],
      tieBreakers: ["csat", ""],
    });
    expect(parsed.metrics).toEqual([
      { kpiKey: "csat", weight: 3, position: 0 },
      { kpiKey: "qa_score", weight: 1, position: 1 },
    ]);
    expect(parsed.tieBreakers).toEqual(["csat"]);
  });
  it("rejects zero weights, no weighted KPI and repeated tie-breakers", () => {
    const result = ProgramFormSchema.safeParse({
      ...base,
      metrics: [{ kpiKey: "csat", weight: 0 }],
      tieBreakers: ["csat", "csat"],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["metrics.0.weight", "tieBreakers"]));
    expect(ProgramFormSchema.safeParse({ ...base, metrics: [{ kpiKey: "csat" }] }).error!.issues[0]!.path).toEqual([
      "metrics",
    ]);
  });
  it("shows weights as shares of the total", () => {
    expect(weightShares([3, null, 1])).toEqual([75, null, 25]);
    expect(weightShares([null, 0])).toEqual([null, null]);
  });
});
