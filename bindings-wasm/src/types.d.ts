// Hand-written declarations of the exports (wasm-bindgen appends this file to
// the generated .d.ts). Record, options and report types are generated at build
// time from the JSON Schemas in /schemas (json-schema-to-typescript), so they
// cannot drift from the core; tsc checks this file against tests/usage.ts.
import type { Case } from "../types/case.js";
import type { Vcpc } from "../types/vcpc.js";
import type { Referral } from "../types/referral.js";
import type { CciAssessment } from "../types/cci_assessment.js";
import type { CciFrame } from "../types/cci_frame.js";
import type { Options } from "../types/options.js";
import type { Report, Diagnostic } from "../types/report.js";
import type { RuleProfile } from "../types/profile.js";
// Generated from kinds(): every kind name with the type of its records.
import type { Records } from "../types/records.js";

export type { Case, Vcpc, Referral, CciAssessment, CciFrame, Options, Report, Diagnostic, RuleProfile, Records };
/** A diagnostic code of the catalogue. */
export type Code = Diagnostic["code"];
/** Error (the record is invalid) or warning. */
export type Severity = Diagnostic["severity"];
/** The name of a record kind. */
export type Kind = keyof Records;

/** Why an operation could not give its result: unusable input (unknown kind,
 * malformed JSON, bad options), a record that must be valid and is not, or a
 * bug inside suraksha. */
export type Category = "input" | "invalid" | "internal";
/** Every operation returns one of these instead of throwing. A failure means
 * the work could not run; validating an invalid record is a success whose
 * `report.valid` is false. */
export type Failure = {
  type: "failure";
  category: Category;
  /** Coded diagnostics; `path` is a JSON Pointer into the record (or into the
   * options / transition when those are at fault). */
  diagnostics: Diagnostic[];
};
/** Success carrying `value` under the key `K`. */
export type Success<K extends string, T> = { type: "success" } & { [P in K]: T };
/** A tagged result. */
export type Outcome<K extends string, T> = Success<K, T> | Failure;

/** A catalogue entry. */
export interface CodeInfo {
  code: Code;
  severity: Severity;
  /** English message template with `{param}` placeholders. */
  en: string;
  /** Hindi message template with the same placeholders. */
  hi: string;
}

/** Risk level of a case. */
export type RiskLevel = "low" | "medium" | "high";

/** The result of risk triage. */
export interface Triage {
  level: RiskLevel;
  reasons: { rule: string; level: RiskLevel; reason: string }[];
  /** ISO date (YYYY-MM-DD) of the next follow-up, if the level has one. */
  follow_up_due: string | null;
  /** What the law requires next, most urgent first (see the README, "Required actions"). */
  actions: RequiredAction[];
}

/** One thing the law requires next for a case (a report or a production). */
export interface RequiredAction {
  pathway: string;
  action: "report" | "produce" | "fir";
  statute: string;
  section: string;
  law: string;
  concern: string;
  concern_path: string;
  destinations: string[];
  /** A mandatory report: no consent is needed. */
  mandatory: boolean;
  /** RFC 3339 date-time. */
  due: string;
  statutory_deadline: boolean;
  done: boolean;
  done_at?: string;
  referral_path?: string;
  state: "overdue" | "due" | "done_late" | "done";
  message: string;
}

/** The VCPC functionality index. */
export interface Functionality {
  /** 0–100. */
  score: number;
  band: "functional" | "semi_functional" | "non_functional";
  /** Score by domain. */
  domains: Record<string, number>;
  items: { id: string; earned: number; possible: number; achieved: number; evidence: string }[];
}

/** A change to a case's status. */
export interface CaseTransition {
  action: "open" | "close" | "reopen" | "add_service";
  /** RFC 3339 date-time with offset. */
  at: string;
  by: string;
  reason?: string;
  closure?: Case["closure"];
  service?: NonNullable<Case["services"]>[number];
}

/** A change to a referral's status. */
export type ReferralTransition = NonNullable<Referral["history"]>[number];

/** One item of a CCI review. */
export interface CciItemResult { item: string; score: number | null; not_applicable: boolean; critical: boolean }

/** The result of a CCI review against a frame. */
export interface CciReview {
  /** Frame id and version used. */
  frame: string;
  /** Weighted overall score, 0–100 (null when nothing was scored). */
  overall: number | null;
  score_band: string | null;
  /** The score band, capped by critical failures. */
  rating: string | null;
  /** The rating's label in the requested locale. */
  rating_label: string | null;
  capped: boolean;
  critical_failures: { item: string; text: string; reference: string; score: number; evidence: string | null }[];
  domains: {
    domain: string; title: string; weight: number; score: number | null;
    scored: number; not_applicable: number; missing: number; items: CciItemResult[];
  }[];
  /** Share of applicable items that were scored, 0–1. */
  coverage: number;
}

/** The transition type of each kind that has a state machine. */
export interface Transitions {
  case: CaseTransition;
  referral: ReferralTransition;
}

/** A record given as an object or as JSON text. */
export type Input<T> = T | string;

/** Options as an object or JSON text; `undefined` for the defaults (English, system date). */
export type OptionsInput = Options | string | undefined | null;

/** Validate a record. Success whenever validation ran (`report.valid` says
 * whether the record is valid); failure only when it could not run. */
export function validate<K extends Kind>(kind: K, record: Input<Records[K]> | unknown, options?: OptionsInput): Outcome<"report", Report>;
/** The names of the record kinds. */
export function kinds(): Kind[];
/** The JSON Schema (draft 2020-12) of a kind. */
export function schema(kind: Kind): Outcome<"schema", Record<string, unknown>>;
/** The diagnostic code catalogue. */
export function codes(): CodeInfo[];
/** The rule profile in force with these options. */
export function profile(options?: OptionsInput): Outcome<"profile", RuleProfile>;
/** Risk triage of a valid case. */
export function triage(record: Input<Case> | unknown, options?: OptionsInput): Outcome<"triage", Triage>;
/** The functionality index of a valid VCPC. */
export function functionality(record: Input<Vcpc> | unknown, options?: OptionsInput): Outcome<"functionality", Functionality>;
/** Apply a transition; success holds the updated record (history appended). */
export function transition<K extends keyof Transitions>(
  kind: K,
  record: Input<Records[K]> | unknown,
  change: Input<Transitions[K]> | unknown,
  options?: OptionsInput,
): Outcome<"record", Records[K]>;
/** Score a CCI review against `frame`, or the shipped frame when it is undefined or null. */
export function reviewCci(assessment: Input<CciAssessment> | unknown, frame?: Input<CciFrame> | null, options?: OptionsInput): Outcome<"review", CciReview>;
/** The shipped CCI benchmark frame. */
export function cciFrame(): Outcome<"frame", CciFrame>;
