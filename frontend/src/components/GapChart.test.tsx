import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GapItem } from "../api";
import { GapChart } from "./GapChart";
import { catalogueOf, ECF_DATASET, InApp } from "../test/fixtures";

const item = (code: string, title: string, have: number, need: number, status: GapItem["status"]): GapItem => ({
  competence: { code, title, area: code.charAt(0) },
  have,
  need,
  delta: Math.max(0, need - have),
  status,
  learn: { levels: [], knowledge: [], skills: [] },
});

const described = (code: string) => ({
  code,
  title: code,
  area: code.charAt(0),
  area_name: "",
  levels: [3],
  description: "",
  descriptors: [{ level: 3, label: "e-3", eqf: "6", descriptor: "Acts creatively." }],
});

beforeEach(() => {
  // LevelBadge asks once for every competence with its level descriptors
  vi.stubGlobal(
    "fetch",
    vi.fn((url: string) => {
      if (url !== "/api/v1/competences?include=levels") return Promise.reject(new Error(`unexpected ${url}`));
      return Promise.resolve(new Response(JSON.stringify(["A1", "A6", "B1", "B2", "E2"].map(described))));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("gap chart", () => {
  it("groups rows by e-CF area in framework order, each with levels and a status in words", async () => {
    render(
      <InApp>
        <GapChart
          haveLabel="my level"
          items={[
            item("E2", "Project and Portfolio Management", 0, 4, "missing"),
            item("B1", "Design and Development", 2, 3, "raise"),
            item("A6", "Application Design", 1, 1, "met"),
          ]}
        />
      </InApp>,
    );
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["PLAN", "BUILD", "MANAGE"]);
    const b1 = screen.getByRole("img", { name: "Design and Development: have e-2, need e-3" });
    const row = b1.closest("li")!;
    expect(within(row).getByText("To raise")).toBeTruthy();
    expect(
      within(row)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["e-2", "e-3"]);
    // the descriptors are fetched when a tip is first wanted, not with the chart
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.focus(within(row).getByRole("button", { name: "e-3" }));
    expect(await within(row).findByText("e-3 (EQF 6): Acts creatively.")).toBeTruthy();
    const e2 = screen.getByRole("img", { name: /Project and Portfolio Management/ }).closest("li")!;
    expect(within(e2).getByText("none")).toBeTruthy();
  });

  it("reads levels and areas in the dataset's own words: a four-level scale, areas that are not A..E", () => {
    const guild = catalogueOf({
      ...ECF_DATASET,
      id: "guild",
      scale: { labels: ["Novice", "Practitioner", "Expert", "Master"], mappings: {} },
      areas: [
        { code: "craft", name: "Craft" },
        { code: "trade", name: "Trade" },
      ],
    });
    const row = (code: string, area: string, have: number, need: number): GapItem => ({
      ...item(code, code, have, need, have === 0 ? "missing" : "raise"),
      competence: { code, title: `Skill ${code}`, area },
    });
    const { container } = render(
      <InApp catalogue={guild}>
        <GapChart
          haveLabel="my level"
          items={[row("trade:pricing", "trade", 0, 2), row("craft:joinery", "craft", 1, 4)]}
        />
      </InApp>,
    );
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Craft", "Trade"]);
    expect(screen.getByRole("img", { name: "Skill craft:joinery: have Novice, need Master" })).toBeTruthy();
    // four ticks on the axis, the last (Master) at the end of the bar
    const joinery = container.querySelector('[data-competence="craft:joinery"]')!;
    expect([...joinery.querySelectorAll<HTMLElement>(".bar-grid")].map((t) => t.style.left)).toEqual([
      "25%",
      "50%",
      "75%",
      "100%",
    ]);
    expect(joinery.querySelector<HTMLElement>(".bar-need")?.style.left).toBe("100%");
    expect(container.querySelector(".legend-axis")?.textContent).toBe("NovicePractitionerExpertMaster");
  });
});
