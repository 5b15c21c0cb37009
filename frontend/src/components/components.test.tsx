import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { DirectMove } from "./DirectMove";
import { GapSummaryPanel } from "./GapSummaryPanel";
import { LinkEvidence } from "./LinkEvidence";
import { ProblemView } from "./ProblemView";
import { StatusTag } from "./StatusTag";
import { InApp } from "../test/fixtures";

afterEach(cleanup);

describe("status", () => {
  it.each([
    ["missing", "✕", "Missing"],
    ["raise", "▲", "To raise"],
    ["met", "✓", "Met"],
  ] as const)("shows %s with an icon and a word, not colour alone", (status, icon, word) => {
    const { container } = render(<StatusTag status={status} />);
    expect(container.textContent).toContain(icon);
    expect(container.textContent).toContain(word);
  });
});

describe("gap summary", () => {
  it("says the gap in words and counts each status", () => {
    render(
      <GapSummaryPanel
        summary={{ level_steps: 7, required_steps: 18, coverage: 0.62, missing: 1, raise: 2, met: 4 }}
      />,
    );
    expect(screen.getByTestId("gap-headline").textContent).toBe("7 level steps to go, 62% covered");
    expect(screen.getByRole("meter").getAttribute("aria-valuenow")).toBe("62");
    expect(screen.getByTestId("count-raise").textContent).toContain("2 to raise");
    expect(screen.getByText(/11 of the 18 required level steps/)).toBeTruthy();
  });
});

describe("problems", () => {
  it("offers the suggested roles of an unknown code as links", () => {
    const error = new ApiError({
      type: "/problems/unknown-role",
      title: "Unknown role",
      status: 404,
      detail: "No role '9.9'.",
      suggestions: [{ code: "4.9", title: "Network & Telecom Expert" }],
    });
    render(
      <MemoryRouter>
        <ProblemView error={error} suggestionHref={(s) => `/gap?from=${s.code}&to=3.4`} />
      </MemoryRouter>,
    );
    expect(screen.getByRole("heading").textContent).toBe("Unknown role");
    const link = screen.getByRole("link", { name: /Network & Telecom Expert/ });
    expect(link.getAttribute("href")).toBe("/gap?from=4.9&to=3.4");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("offers a retry when the service is down", () => {
    const error = new ApiError({ type: "about:blank", title: "Unavailable", status: 503, detail: "Try later." });
    render(
      <MemoryRouter>
        <ProblemView error={error} retry={() => undefined} />
      </MemoryRouter>,
    );
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});

describe("link evidence", () => {
  it("quotes the document for a documented move and explains an inferred one", () => {
    const { container, rerender } = render(
      <InApp>
        <LinkEvidence kind="documented" evidence="“They could move on.”" />
      </InApp>,
    );
    expect(container.querySelector("blockquote")?.textContent).toContain("They could move on.");
    expect(container.querySelector("cite")?.textContent).toBe("CIGREF 2011 IS roles + e-CF 2.0");
    rerender(
      <InApp>
        <LinkEvidence kind="inferred" evidence="covers 62% of the target's entry levels" />
      </InApp>,
    );
    expect(container.querySelector("blockquote")).toBeNull();
    expect(container.textContent).toBe("Inferred: covers 62% of the target's entry levels.");
  });

  it("says who a documented move is for when its source sets a condition", () => {
    render(
      <InApp>
        <LinkEvidence kind="documented" evidence="“If they came from sales, ...”" condition="If they came from sales" />
      </InApp>,
    );
    expect(screen.getByTestId("step-condition").textContent).toBe("Only for some: If they came from sales.");
  });
});

describe("direct move", () => {
  const direct = {
    level_steps: 13,
    coverage: 0.4348,
    within_reach: false,
    better: false,
    text: "learn it directly: 13 level steps, 43% covered",
  };

  it("stands beside the paths, saying whether it is within reach", () => {
    const { rerender } = render(
      <InApp>
        <DirectMove direct={direct} />
      </InApp>,
    );
    expect(screen.getByTestId("direct-move").textContent).toMatch(
      /^Or learn it directly: 13 level steps, 43% covered\. /,
    );
    rerender(
      <InApp>
        <DirectMove direct={{ ...direct, within_reach: true }} />
      </InApp>,
    );
    expect(screen.getByTestId("direct-move").textContent).toContain("43% covered (within reach from here).");
  });

  it("says going direct is better when the API says so", () => {
    const better = {
      ...direct,
      level_steps: 5,
      within_reach: true,
      better: true,
      text: "go direct: it is within reach from here and takes 5 level steps (81% covered), fewer than the path's 13",
    };
    render(
      <InApp>
        <DirectMove direct={better} />
      </InApp>,
    );
    const text = screen.getByTestId("direct-move").textContent ?? "";
    expect(text).toMatch(/^Going direct is better\. Go direct: it is within reach/);
    expect(screen.getByRole("link", { name: "level steps" }).getAttribute("href")).toBe("/glossary#level-steps");
  });
});
