// What a pod's processes see of Services: the environment kubelet gave them at start, and what their
// resolver gets from the cluster DNS.
import { useT } from "../../i18n/react";
import { usePlayground } from "../../store/context";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { Fold, Section } from "./Section";
import { useInspection } from "./useInspection";
import { placeId } from "../../protocol/placeId";

const selectRefresh = (s: PlaygroundStore) =>
  String(s.appliedYaml.length) + (s.cluster?.services.length ?? 0);

export function PodDiscovery({ pod }: { pod: string }) {
  const t = useT();
  const refresh = usePlayground(selectRefresh);
  const state = useInspection(placeId("pod", pod), undefined, refresh);
  const r = state.status === "ok" && state.result.kind === "pod" ? state.result : null;
  return (
    <Section title={t("inspector.discovery")}>
      {state.status === "loading" && <p className="kh-muted kh-small">{t("inspector.askingPod")}</p>}
      {state.status === "error" && <p className="kh-error kh-small">{state.error}</p>}
      {r && (
        <>
          <table className="kh-table kh-dns">
            <caption className="kh-small kh-muted">{t("inspector.dnsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inspector.dnsName")}</th>
                <th scope="col">{t("inspector.dnsAnswer")}</th>
              </tr>
            </thead>
            <tbody>
              {r.dns.map((d) => (
                <tr key={d.name}>
                  <td className="kh-mono">{d.name}</td>
                  <td className="kh-mono">
                    {d.answers.length ? (
                      d.answers.join(", ")
                    ) : (
                      <span className="kh-tone-bad-text">{d.rcode}</span>
                    )}
                    {d.tried > 1 && (
                      <span className="kh-muted kh-small">
                        {" "}
                        ({t("inspector.queries", { count: d.tried })})
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Fold title="/etc/resolv.conf">
            <pre className="kh-code">
              {[
                ...r.resolvConf.nameservers.map((n) => `nameserver ${n}`),
                r.resolvConf.searches.length ? `search ${r.resolvConf.searches.join(" ")}` : "",
                r.resolvConf.options.length ? `options ${r.resolvConf.options.join(" ")}` : "",
              ]
                .filter(Boolean)
                .join("\n")}
            </pre>
          </Fold>
          <Fold title={t("inspector.env", { count: r.env.length })}>
            <p className="kh-small kh-muted">{t("inspector.envNote")}</p>
            <pre className="kh-code">{r.env.map((e) => `${e.name}=${e.value}`).join("\n")}</pre>
          </Fold>
        </>
      )}
    </Section>
  );
}
