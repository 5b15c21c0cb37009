/**
 * Readable names for the shapes of HTTP API v1, all taken from the generated
 * `schema.d.ts` (itself generated from the service's OpenAPI document, see
 * ../../README.md, "API types"). Nothing here is written by hand but the names:
 * a field the service adds, renames or drops shows up here after `make api-types`,
 * and `npm run typecheck` then points at every use it breaks.
 *
 * A name is the service's schema name, except where that name only exists to
 * tell Python classes apart (`...Out`, `...Model`).
 */
import type { components } from "./schema";

type Schemas = components["schemas"];

export type RoleRef = Schemas["RoleRef"];
export type CompetenceRef = Schemas["CompetenceRef"];
export type FamilyRef = Schemas["FamilyRef"];
export type Family = Schemas["FamilyOut"];
export type RoleSummary = Schemas["RoleSummary"];
export type Activity = Schemas["ActivityOut"];
export type RequiredCompetence = Schemas["RequiredCompetence"];
/** The career section of a role sheet: profile, experience, minimum years. */
export type CareerProfile = Schemas["CareerOut"];
/** A career link from or to a role; `evidence` quotes the document when documented. */
export type RoleLink = Schemas["LinkOut"];
export type RoleSheet = Schemas["RoleSheet"];

export type LevelInfo = Schemas["LevelInfo"];
export type LearnItem = Schemas["LearnItem"];
export type CompetenceSummary = Schemas["CompetenceSummary"];
export type RequiringRole = Schemas["RequiringRole"];
export type CompetenceSheet = Schemas["CompetenceSheet"];

export type Learn = Schemas["Learn"];
export type GapItem = Schemas["GapItem"];
export type Transferable = Schemas["Transferable"];
export type GapSummary = Schemas["GapSummary"];
/** Who holds what: a role's entry levels, or a self-assessment. */
export type Holder = Schemas["Holder"];
export type GapReport = Schemas["GapReport"];
export type Basis = GapReport["basis"];
export type GapStatus = GapItem["status"];
/** A self-assessment: competence code -> level held (0..5). */
export type Profile = Schemas["FromProfile"]["profile"];

export type Move = Schemas["Move"];
export type NextMoves = Schemas["NextMoves"];

export type Gain = Schemas["Gain"];
/** One move of a path; `evidence` is the document's sentence, or how the move was inferred. */
export type Step = Schemas["Step"];
export type LinkKind = Step["kind"];
/** One chain of roles from the start to the target, with its cumulative cost. */
export type CareerPath = Schemas["CareerPath"];
export type DirectMove = Schemas["DirectMove"];
export type PathsAnswer = Schemas["PathsAnswer"];

export type HolderPathsAnswer = Schemas["HolderPathsAnswer"];

/** A single raise (competence -> level) and the roles it brings within reach. */
export type Raise = Schemas["Raise"];
export type Unlocked = Schemas["Unlocked"];
export type TargetRaise = Schemas["TargetRaise"];
export type Toward = Schemas["Toward"];
export type UnlocksAnswer = Schemas["UnlocksAnswer"];

/** A plan to keep: the steps of one path, each with what to learn. */
export type Plan = Schemas["Plan"];
export type PlanStep = Schemas["PlanStep"];
export type PlanItem = Schemas["PlanItem"];
/** What a role sheet says of the experience and profile it asks. */
export type SheetExperience = Schemas["CareerProfile"];

export type Comparison = Schemas["Comparison"];
export type ComparedTarget = Schemas["ComparedTarget"];
export type ComparedCompetence = Schemas["ComparedCompetence"];

export type GraphNode = Schemas["GraphNode"];
export type GraphLink = Schemas["GraphLink"];
export type GraphAnswer = Schemas["GraphAnswer"];

export type Meta = Schemas["Meta"];
/** A dataset the service serves: provenance, level scale, areas and counts. */
export type DatasetInfo = Schemas["DatasetInfo"];

/** An error answer (RFC 9457 problem+json). */
export type Problem = Schemas["Problem"];
/** One suggestion a problem offers, e.g. the nearest roles to an unknown code. */
export type Suggestion = Schemas["SuggestionModel"];
