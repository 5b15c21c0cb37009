import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createMemoryRouter, Link, Outlet, RouterProvider, useLocation } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setRequestDataset } from "../api";
import { useCatalogue } from "../context";
import { DATASET_CHOSEN } from "../lib/datasetUrl";
import { ECF_DATASET } from "../test/fixtures";
import { DatasetScope } from "./DatasetScope";

const GUILD = { ...ECF_DATASET, id: "guild", default: false, name: "Guild", dataset_version: "g1" };

let asked: string[] = [];
beforeEach(() => {
  asked = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((url: string) => {
      asked.push(url);
      return Promise.resolve(new Response("[]", { headers: { "Content-Type": "application/json" } }));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setRequestDataset(null);
});

function Screen() {
  const { pathname, search } = useLocation();
  const { dataset } = useCatalogue();
  return (
    <>
      <p data-testid="at">{`${pathname}${search}`}</p>
      <p data-testid="dataset">{dataset.name}</p>
      {/* react-router's own Link: written without the dataset */}
      <Link to="/map">bare link</Link>
      <Link to="/roles" state={DATASET_CHOSEN}>
        picker to the default
      </Link>
    </>
  );
}

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      {
        element: (
          <DatasetScope datasets={[ECF_DATASET, GUILD]}>
            <Outlet />
          </DatasetScope>
        ),
        children: [{ path: "*", element: <Screen /> }],
      },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
}

describe("the dataset scope", () => {
  it("asks the dataset the URL names, and keeps it when a link forgets it", async () => {
    renderAt("/roles?dataset=guild");
    expect((await screen.findByTestId("dataset")).textContent).toBe("Guild");
    expect(asked).toContain("/api/v1/roles?dataset=guild");
    fireEvent.click(screen.getByText("bare link"));
    expect((await screen.findByTestId("at")).textContent).toBe("/map?dataset=guild");
    expect(screen.getByTestId("dataset").textContent).toBe("Guild");
  });

  it("goes back to the default only when the picker says so", async () => {
    renderAt("/roles?dataset=guild");
    await screen.findByTestId("dataset");
    fireEvent.click(screen.getByText("picker to the default"));
    await screen.findByText(ECF_DATASET.name);
    expect(screen.getByTestId("at").textContent).toBe("/roles");
    expect(asked.at(-1)).toBe("/api/v1/competences");
  });

  it("names the datasets it holds when the URL asks for another", async () => {
    renderAt("/roles?dataset=nope");
    expect((await screen.findByRole("alert")).textContent).toContain("no dataset “nope”");
    expect(screen.getAllByRole("link").map((a) => a.getAttribute("href"))).toEqual(["/roles", "/roles?dataset=guild"]);
  });
});
