import { describe, expect, it } from "vitest";
import { datasetOf, switchDatasetHref, withDataset } from "./datasetUrl";
import { resolveDataset, rolesSentence } from "./datasets";
import { ECF_DATASET } from "../test/fixtures";

describe("the dataset in the URL", () => {
  it("reads the dataset a URL names, none for the default", () => {
    expect(datasetOf("?role=3.2&dataset=onet-30-2")).toBe("onet-30-2");
    expect(datasetOf("?role=3.2")).toBeNull();
    expect(datasetOf(new URLSearchParams("dataset="))).toBeNull();
  });

  it("carries the dataset into every link, keeping the link's own query and fragment", () => {
    expect(withDataset("/roles/3.2", "onet-30-2")).toBe("/roles/3.2?dataset=onet-30-2");
    expect(withDataset("/gap?profile=B1:3,B2:2&to=3.4", "x")).toBe("/gap?profile=B1:3,B2:2&to=3.4&dataset=x");
    expect(withDataset("/map?role=3.2#moves", "x")).toBe("/map?role=3.2&dataset=x#moves");
    expect(withDataset("/roles", null)).toBe("/roles");
  });

  it("leaves a link that names its own dataset alone, unless told to replace it", () => {
    expect(withDataset("/roles?dataset=a", "b")).toBe("/roles?dataset=a");
    expect(withDataset("/roles?dataset=a", "b", true)).toBe("/roles?dataset=b");
    expect(withDataset("/roles?dataset=a&x=1", null, true)).toBe("/roles?x=1");
  });

  it("switches dataset to the same section of the app, since codes belong to one dataset", () => {
    expect(switchDatasetHref("/roles/3.2", "onet-30-2")).toBe("/roles?dataset=onet-30-2");
    expect(switchDatasetHref("/", "onet-30-2")).toBe("/?dataset=onet-30-2");
    expect(switchDatasetHref("/map", null)).toBe("/map");
  });
});

describe("datasets", () => {
  const other = { ...ECF_DATASET, id: "other", default: false, name: "Other" };

  it("resolves the dataset a URL names, the default when it names none", () => {
    expect(resolveDataset([other, ECF_DATASET], null)).toBe(ECF_DATASET);
    expect(resolveDataset([other, ECF_DATASET], "other")).toBe(other);
    expect(resolveDataset([other, ECF_DATASET], "nope")).toBeUndefined();
  });

  it("says what a dataset holds from its own name and counts", () => {
    expect(rolesSentence({ ...other, counts: { ...other.counts, roles: 2999, families: 1 } })).toBe(
      "The 2999 roles of Other, in 1 family.",
    );
  });
});
