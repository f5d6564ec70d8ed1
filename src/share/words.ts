// What a link that cannot be opened, or a state that cannot be shared, says: the reason codes of
// link.ts and codec.ts put into words (what went wrong, and where).
import type { T } from "../i18n/core";
import { LINK_PAYLOAD_LIMIT, LINK_TEXT_LIMIT } from "./codec";
import { JOURNAL_LIMIT, type LinkProblem, type ShareRefusal } from "./link";
import { RESTORE_EVENT_LIMIT } from "../protocol/messages";
import { SAVED_YAML_LIMIT } from "../store/persistence";

const n = (v: number) => v.toLocaleString("en");

/** Why a link could not be opened, in one sentence. `length` is the encoded payload's. */
export function linkProblemText(t: T, p: LinkProblem, length: number): string {
  switch (p.code) {
    case "tooLong":
      return t("share.problem.tooLong", { length: n(length), limit: n(LINK_PAYLOAD_LIMIT) });
    case "tooLarge":
      return t("share.problem.tooLarge", { limit: n(LINK_TEXT_LIMIT) });
    case "notEncoded":
    case "damaged":
    case "notText":
    case "notJson":
      return t(`share.problem.${p.code}`);
    case "version":
      return p.version === null
        ? t("share.problem.versionUnknown")
        : t("share.problem.version", { version: String(p.version) });
    case "field":
      return t("share.problem.field", { field: t(`share.field.${p.field}`) });
    default: {
      const _exhaustive: never = p;
      return _exhaustive;
    }
  }
}

/** Why this playground cannot be shared as a link, in one sentence. */
export function shareRefusalText(t: T, r: ShareRefusal | { code: "noRun"; reason: string }): string {
  switch (r.code) {
    case "tooManyActions":
      return t("share.tooManyActions", { count: n(r.count), limit: n(JOURNAL_LIMIT) });
    case "runTooLong":
      return t("share.runTooLong", { events: n(r.events), limit: n(RESTORE_EVENT_LIMIT) });
    case "tooLarge":
      return t("share.tooLarge", { length: n(r.length), limit: n(LINK_PAYLOAD_LIMIT) });
    case "yamlTooLong":
      return t("share.yamlTooLong", { limit: n(SAVED_YAML_LIMIT) });
    case "noRun":
      return t("share.noRun", { reason: r.reason });
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}
