import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { matching, SearchSelect } from "./SearchSelect";

const ROLES = Array.from({ length: 50 }, (_, i) => ({ value: `r${i}`, label: `Role ${i} analyst` })).concat([
  { value: "dev", label: "Software Developer (15-1252.00)" },
  { value: "web", label: "Web Developer (15-1254.00)" },
]);

afterEach(cleanup);

describe("search select", () => {
  it("matches every word typed, in any order and case", () => {
    expect(matching(ROLES, "DEVELOPER web").map((o) => o.value)).toEqual(["web"]);
    expect(matching(ROLES, "")).toHaveLength(ROLES.length);
  });

  it("is a labelled combobox: type, arrow down, Enter chooses; Escape closes", () => {
    const chosen = vi.fn();
    render(<SearchSelect label="Avoid a role" noun="role" options={ROLES} onChange={chosen} />);
    const box = screen.getByRole("combobox", { name: "Avoid a role" });
    expect(box.getAttribute("aria-expanded")).toBe("false");
    fireEvent.change(box, { target: { value: "developer" } });
    expect(box.getAttribute("aria-expanded")).toBe("true");
    const options = screen.getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "Software Developer (15-1252.00)",
      "Web Developer (15-1254.00)",
    ]);
    expect(box.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(chosen).toHaveBeenCalledWith("web");
    expect(box.getAttribute("aria-expanded")).toBe("false");
    fireEvent.change(box, { target: { value: "x" } });
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box.getAttribute("aria-expanded")).toBe("false");
    expect((box as HTMLInputElement).value).toBe("");
  });

  it("lists the first matches and says how many more there are", () => {
    render(<SearchSelect label="Role" noun="role" options={ROLES} onChange={() => {}} value="dev" />);
    const box = screen.getByRole("combobox", { name: "Role" });
    expect((box as HTMLInputElement).value).toBe("Software Developer (15-1252.00)");
    fireEvent.change(box, { target: { value: "analyst" } });
    expect(screen.getAllByRole("option")).toHaveLength(30);
    expect(screen.getByText("20 roles more: type part of a title to narrow.")).toBeTruthy();
    fireEvent.change(box, { target: { value: "nothing like it" } });
    expect(screen.getByRole("option").textContent).toBe("No role matches “nothing like it”.");
  });
});
